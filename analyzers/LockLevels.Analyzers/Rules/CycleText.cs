using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>How LL0004 and LL0100 show a cycle: every edge with the method and chain that witness it.</summary>
    internal static class CycleText
    {
        /// <summary>
        /// The cycles one rule reports (all inferred for LL0100, the others for LL0004), in the graph's order,
        /// each with its diagnostic; <paramref name="used"/> holds the sites the rule already reports at.
        /// </summary>
        public static List<(Cycle Cycle, Diagnostic Diagnostic)> Reports(ProgramFacts facts, bool inferred, HashSet<Location> used)
        {
            var descriptor = inferred ? Descriptors.UnannotatedLockOrderInversion : Descriptors.CircularLockDependency;
            var reports = new List<(Cycle, Diagnostic)>();
            foreach (var cycle in facts.Cycles)
            {
                if (cycle.AllInferred == inferred && Create(descriptor, cycle, used) is { } diagnostic)
                {
                    reports.Add((cycle, diagnostic));
                }
            }

            return reports;
        }

        /// <summary>
        /// The cycle reported at its first edge (the inversion), or at the next edge whose site carries no
        /// report of this rule yet; null when every site already does. Every edge's site is an additional
        /// location, followed by the hops of a chain too long to show whole.
        /// </summary>
        private static Diagnostic? Create(DiagnosticDescriptor descriptor, Cycle cycle, HashSet<Location> used)
        {
            var edges = cycle.Edges;
            int start = 0;
            while (start < edges.Count && used.Contains(edges[start].Witness.Location))
            {
                start++;
            }

            if (start == edges.Count)
            {
                return null;
            }

            var text = new StringBuilder(edges[start].Held);
            var locations = ImmutableArray.CreateBuilder<Location>(edges.Count);
            for (int i = 0; i < edges.Count; i++)
            {
                var edge = edges[(start + i) % edges.Count];
                text.Append(" → ").Append(edge.Acquired).Append(" (")
                    .Append(Names.Body(edge.Witness.Method)).Append(": ").Append(edge.Witness.ShortChain).Append(')');
                locations.Add(edge.Witness.Location);
                if (edge.Witness.IsShortened)
                {
                    locations.AddRange(edge.Witness.Hops);
                }
            }

            var location = edges[start].Witness.Location;
            used.Add(location);
            return Diagnostic.Create(descriptor, location, locations.ToImmutable(), text.ToString());
        }
    }
}
