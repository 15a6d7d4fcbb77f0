using System.Collections.Generic;
using System.Linq;

namespace LockLevels.Cli.Graph
{
    /// <summary>What both picture formats agree on: which edges are on a cycle, and how an edge is labelled.</summary>
    internal static class GraphStyle
    {
        public const string CycleColor = "#d93025";
        public const string DeclaredColor = "#5f6368";

        /// <summary>(Held, Acquired) of every edge on a reported cycle.</summary>
        public static HashSet<(string Held, string Acquired)> CycleEdges(LockGraphModel graph)
            => new(graph.Cycles.SelectMany(cycle => cycle.Edges).Select(edge => (edge.Held, edge.Acquired)));

        /// <summary>The first hop of the witness: "AfsVnode.WritePages: Netfslib.WritePages".</summary>
        public static string FirstHop(GraphEdge edge)
            => edge.Chain.IsEmpty ? "" : edge.Chain[0].Method + ": " + edge.Chain[0].Description;

        /// <summary>The observed edge for a cycle edge (the graph's own witness), or the cycle's.</summary>
        public static IEnumerable<GraphEdge> ObservedEdges(LockGraphModel graph)
        {
            var seen = new HashSet<(string, string)>();
            foreach (var edge in graph.Edges)
            {
                if (seen.Add((edge.Held, edge.Acquired)))
                {
                    yield return edge;
                }
            }

            foreach (var edge in graph.Cycles.SelectMany(cycle => cycle.Edges))
            {
                if (seen.Add((edge.Held, edge.Acquired)))
                {
                    yield return edge;
                }
            }
        }

        public static string ContextLabel(GraphDeepContext context) => context.Member + "\nruns with " + string.Join(", ", context.Levels);
    }
}
