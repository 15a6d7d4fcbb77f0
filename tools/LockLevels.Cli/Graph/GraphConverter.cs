using System.Collections.Immutable;
using LockLevels.Analyzers.Export;
using LockLevels.Cli.Analysis;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Graph
{
    /// <summary>The analyzers' <see cref="LockGraph"/> of one compilation as the command line's <see cref="LockGraphModel"/>.</summary>
    internal static class GraphConverter
    {
        public static LockGraphModel Convert(LockGraph graph, EnclosingMembers members, string rootDirectory)
        {
            var nodes = ImmutableArray.CreateBuilder<GraphNode>(graph.Nodes.Length);
            foreach (var node in graph.Nodes)
            {
                nodes.Add(new GraphNode(node.Name, node.IsInferred));
            }

            var order = ImmutableArray.CreateBuilder<GraphOrder>(graph.DeclaredOrder.Length);
            foreach (var step in graph.DeclaredOrder)
            {
                order.Add(new GraphOrder(step.Outer, step.Inner));
            }

            var edges = ImmutableArray.CreateBuilder<GraphEdge>(graph.Edges.Length);
            foreach (var edge in graph.Edges)
            {
                edges.Add(Edge(edge, members, rootDirectory));
            }

            var cycles = ImmutableArray.CreateBuilder<GraphCycle>(graph.Cycles.Length);
            foreach (var cycle in graph.Cycles)
            {
                var cycleEdges = ImmutableArray.CreateBuilder<GraphEdge>(cycle.Edges.Length);
                foreach (var edge in cycle.Edges)
                {
                    cycleEdges.Add(Edge(edge, members, rootDirectory));
                }

                cycles.Add(new GraphCycle(
                    cycle.Diagnostic.Id,
                    cycle.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    SourceSpan.From(cycle.Diagnostic.Location, rootDirectory),
                    cycleEdges.ToImmutable()));
            }

            var contexts = ImmutableArray.CreateBuilder<GraphDeepContext>(graph.DeepContexts.Length);
            foreach (var context in graph.DeepContexts)
            {
                contexts.Add(new GraphDeepContext(context.Member, context.Levels));
            }

            return new LockGraphModel(nodes.ToImmutable(), order.ToImmutable(), edges.ToImmutable(), cycles.ToImmutable(), contexts.ToImmutable());
        }

        private static GraphEdge Edge(LockGraphEdge edge, EnclosingMembers members, string rootDirectory)
        {
            var chain = ImmutableArray.CreateBuilder<GraphHop>(edge.Chain.Length);
            foreach (var hop in edge.Chain)
            {
                chain.Add(new GraphHop(hop.Method, hop.Description, SourceSpan.From(hop.Location, rootDirectory), members.Of(hop.Location).Namespace));
            }

            return new GraphEdge(edge.Held, edge.Acquired, chain.ToImmutable());
        }
    }
}
