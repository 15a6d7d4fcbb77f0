using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace LockLevels.Cli.Graph
{
    /// <summary>Cuts a large graph down to what a picture can show: the cycles only, or the lock classes one namespace takes.</summary>
    internal static class GraphFilter
    {
        /// <summary>The nodes on reported cycles, the cycles' edges and the declared order between those nodes.</summary>
        public static LockGraphModel CyclesOnly(LockGraphModel graph)
        {
            var edges = graph.Cycles.SelectMany(cycle => cycle.Edges).ToList();
            var keys = new HashSet<(string, string)>(edges.Select(edge => (edge.Held, edge.Acquired)));
            var kept = graph.Edges.Where(edge => keys.Contains((edge.Held, edge.Acquired))).ToList();
            foreach (var edge in edges)
            {
                if (!kept.Any(known => known.Held == edge.Held && known.Acquired == edge.Acquired))
                {
                    kept.Add(edge);
                }
            }

            return Restrict(graph, kept, graph.Cycles, keepContexts: false);
        }

        /// <summary>The edges with a witness frame in <paramref name="ns"/> (or a namespace inside it), their nodes, and the inferred classes of its types.</summary>
        public static LockGraphModel Namespace(LockGraphModel graph, string ns)
        {
            bool InNamespace(string candidate) => candidate == ns || candidate.StartsWith(ns + ".", StringComparison.Ordinal);
            var kept = graph.Edges.Where(edge => edge.Chain.Any(hop => InNamespace(hop.Namespace))).ToList();
            var cycles = graph.Cycles.Where(cycle => cycle.Edges.Any(edge => edge.Chain.Any(hop => InNamespace(hop.Namespace)))).ToImmutableArray();
            var extraNodes = graph.Nodes.Where(node => node.IsInferred && InNamespace(node.Name)).Select(node => node.Name);
            return Restrict(graph, kept, cycles, keepContexts: true, extraNodes);
        }

        private static LockGraphModel Restrict(LockGraphModel graph, List<GraphEdge> edges, ImmutableArray<GraphCycle> cycles, bool keepContexts, IEnumerable<string>? extraNodes = null)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var edge in edges)
            {
                names.Add(edge.Held);
                names.Add(edge.Acquired);
            }

            foreach (var cycle in cycles)
            {
                foreach (var edge in cycle.Edges)
                {
                    names.Add(edge.Held);
                    names.Add(edge.Acquired);
                }
            }

            if (extraNodes != null)
            {
                names.UnionWith(extraNodes);
            }

            return new LockGraphModel(
                graph.Nodes.Where(node => names.Contains(node.Name)).ToImmutableArray(),
                graph.DeclaredOrder.Where(order => names.Contains(order.Outer) && names.Contains(order.Inner)).ToImmutableArray(),
                edges.ToImmutableArray(),
                cycles,
                keepContexts ? graph.DeepContexts.Where(context => context.Levels.All(names.Contains)).ToImmutableArray() : ImmutableArray<GraphDeepContext>.Empty);
        }
    }
}
