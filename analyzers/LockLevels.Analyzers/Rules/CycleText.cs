using System.Collections.Immutable;
using System.Text;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>How LL0004 and LL0100 show a cycle: every edge with the method and chain that witness it.</summary>
    internal static class CycleText
    {
        /// <summary>Reported at the first edge; every edge's site is an additional location.</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Cycle cycle)
        {
            var edges = cycle.Edges;
            var text = new StringBuilder(edges[0].Held);
            var locations = ImmutableArray.CreateBuilder<Location>(edges.Count);
            foreach (var edge in edges)
            {
                text.Append(" → ").Append(edge.Acquired).Append(" (")
                    .Append(Names.Body(edge.Witness.Method)).Append(": ").Append(edge.Witness.Chain).Append(')');
                locations.Add(edge.Witness.Location);
            }

            return Diagnostic.Create(descriptor, edges[0].Witness.Location, locations.MoveToImmutable(), text.ToString());
        }
    }
}
