using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Graph
{
    /// <summary>A declared level, or (IsInferred) a lock class LockLevels inferred for unannotated locks.</summary>
    internal sealed record GraphNode(string Name, bool IsInferred);

    /// <summary>A declared hierarchy step: Outer is acquired before Inner.</summary>
    internal sealed record GraphOrder(string Outer, string Inner);

    /// <summary>One frame of a witness: the method, what it does there (a call, an acquisition) and where.</summary>
    internal sealed record GraphHop(string Method, string Description, SourceSpan? Span, string Namespace);

    /// <summary>Acquired was taken while Held was held; Chain is the witness, outermost frame first.</summary>
    internal sealed record GraphEdge(string Held, string Acquired, ImmutableArray<GraphHop> Chain);

    /// <summary>A reported cycle (LL0004, LL0100): its edges in order, the last back to the first.</summary>
    internal sealed record GraphCycle(string RuleId, string Message, SourceSpan? Span, ImmutableArray<GraphEdge> Edges);

    /// <summary>A [CalledWithLocksHeld] member and the levels it runs with.</summary>
    internal sealed record GraphDeepContext(string Member, ImmutableArray<string> Levels);

    /// <summary>
    /// The lock dependency graph as the command line renders it: built from the analyzers' LockGraph of
    /// each compilation (see <see cref="GraphConverter"/>), merged across projects, free of Roslyn objects.
    /// </summary>
    internal sealed class LockGraphModel
    {
        public static LockGraphModel Empty { get; } = new(
            ImmutableArray<GraphNode>.Empty, ImmutableArray<GraphOrder>.Empty, ImmutableArray<GraphEdge>.Empty,
            ImmutableArray<GraphCycle>.Empty, ImmutableArray<GraphDeepContext>.Empty);

        public LockGraphModel(
            ImmutableArray<GraphNode> nodes,
            ImmutableArray<GraphOrder> declaredOrder,
            ImmutableArray<GraphEdge> edges,
            ImmutableArray<GraphCycle> cycles,
            ImmutableArray<GraphDeepContext> deepContexts)
        {
            Nodes = nodes;
            DeclaredOrder = declaredOrder;
            Edges = edges;
            Cycles = cycles;
            DeepContexts = deepContexts;
        }

        public ImmutableArray<GraphNode> Nodes { get; }

        public ImmutableArray<GraphOrder> DeclaredOrder { get; }

        public ImmutableArray<GraphEdge> Edges { get; }

        public ImmutableArray<GraphCycle> Cycles { get; }

        public ImmutableArray<GraphDeepContext> DeepContexts { get; }

        /// <summary>Every node name, for telling lock classes apart in messages.</summary>
        public ImmutableArray<string> NodeNames => Nodes.Select(node => node.Name).ToImmutableArray();

        /// <summary>The graphs of several compilations as one: a node, order or edge present in several appears once (the first witness wins).</summary>
        public static LockGraphModel Merge(IEnumerable<LockGraphModel> graphs)
        {
            var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
            var order = new SortedSet<GraphOrder>(Comparer<GraphOrder>.Create((a, b) => Compare(a.Outer, a.Inner, b.Outer, b.Inner)));
            var edges = new Dictionary<(string, string), GraphEdge>();
            var cycles = new Dictionary<string, GraphCycle>(StringComparer.Ordinal);
            var contexts = new Dictionary<string, GraphDeepContext>(StringComparer.Ordinal);
            foreach (var graph in graphs)
            {
                foreach (var node in graph.Nodes)
                {
                    // Declared beats inferred when two compilations disagree.
                    if (!nodes.TryGetValue(node.Name, out var known) || (known.IsInferred && !node.IsInferred))
                    {
                        nodes[node.Name] = node;
                    }
                }

                order.UnionWith(graph.DeclaredOrder);
                foreach (var edge in graph.Edges)
                {
                    edges.TryAdd((edge.Held, edge.Acquired), edge);
                }

                foreach (var cycle in graph.Cycles)
                {
                    cycles.TryAdd(cycle.RuleId + "|" + cycle.Span + "|" + cycle.Message, cycle);
                }

                foreach (var context in graph.DeepContexts)
                {
                    contexts.TryAdd(context.Member, context);
                }
            }

            return new LockGraphModel(
                nodes.Values.OrderBy(node => node.IsInferred).ThenBy(node => node.Name, StringComparer.Ordinal).ToImmutableArray(),
                order.ToImmutableArray(),
                edges.Values.OrderBy(edge => edge.Held, StringComparer.Ordinal).ThenBy(edge => edge.Acquired, StringComparer.Ordinal).ToImmutableArray(),
                cycles.Values.OrderBy(cycle => cycle.Span?.Path, StringComparer.Ordinal).ThenBy(cycle => cycle.Span?.StartLine)
                    .ThenBy(cycle => cycle.Span?.StartColumn).ThenBy(cycle => cycle.Message, StringComparer.Ordinal).ToImmutableArray(),
                contexts.Values.OrderBy(context => context.Member, StringComparer.Ordinal).ToImmutableArray());
        }

        private static int Compare(string a1, string a2, string b1, string b2)
        {
            int first = string.CompareOrdinal(a1, b1);
            return first != 0 ? first : string.CompareOrdinal(a2, b2);
        }
    }
}
