using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LockLevels.Cli.Graph;

namespace LockLevels.Cli.Reports
{
    /// <summary>
    /// Each reported cycle the way kernel developers read a lockdep splat
    /// (kernel/locking/lockdep.c: print_circular_bug, print_circular_lock_scenario), then the other
    /// findings as the text report lists them.
    /// </summary>
    /// <remarks>
    /// A cycle's edges e0..e(k-1) run L0 → L1 → … → L0, and LockLevels reports it at e0, so the splat
    /// reads: the first frame of e0 is trying to acquire L1 while holding L0, and L1 already depends on
    /// L0 through e1..e(k-1). "#N" entries come in lockdep's reverse order: #(k-1) is L0, taken at the
    /// end of the existing chain, down to #0, L1, taken by e0 itself. Stack lines are innermost first,
    /// "Type.Method+file:line". The braces after each class hold lockdep's irq-usage bits, which have no
    /// meaning in C#: they are printed as "{...}".
    /// </remarks>
    internal static class LockdepReport
    {
        private const string Usage = "{...}";
        private const string StackIndent = "       ";

        public static void Write(TextWriter writer, ReportInput input)
        {
            var others = ImmutableArray.CreateBuilder<Findings.Finding>();
            foreach (var finding in input.Counted)
            {
                var cycle = input.CycleOf(finding);
                if (cycle == null || cycle.Edges.IsEmpty)
                {
                    others.Add(finding);
                    continue;
                }

                WriteCycle(writer, cycle);
            }

            if (others.Count > 0)
            {
                writer.WriteLine("Other findings:");
                writer.WriteLine();
                TextReport.Write(writer, input with { Findings = others.ToImmutable(), Baseline = null });
            }
            else
            {
                TextReport.WriteGone(writer, input);
                writer.WriteLine(TextReport.Summary(input));
            }
        }

        public static void WriteCycle(TextWriter writer, GraphCycle cycle)
        {
            var edges = cycle.Edges;
            int k = edges.Length;
            var first = edges[0];
            string held = first.Held;
            string acquiring = first.Acquired;
            string parent = edges[k - 1].Held;

            writer.WriteLine();
            writer.WriteLine("======================================================");
            writer.WriteLine("WARNING: possible circular locking dependency detected");
            writer.WriteLine($"{cycle.RuleId} at {cycle.Span?.ToString() ?? "(no location)"}");
            writer.WriteLine("------------------------------------------------------");
            writer.WriteLine($"{Outermost(first)?.Method ?? "(unknown)"} is trying to acquire lock:");
            writer.WriteLine($"({acquiring}){Usage}, at: {Frame(Innermost(first))}");
            writer.WriteLine();
            writer.WriteLine("but task is already holding lock:");
            writer.WriteLine($"({held}){Usage}, at: {Frame(Outermost(first))}");
            writer.WriteLine();
            writer.WriteLine("which lock already depends on the new lock.");
            writer.WriteLine();
            writer.WriteLine();
            writer.WriteLine("the existing dependency chain (in reverse order) is:");
            for (int n = k - 1; n >= 0; n--)
            {
                // #n is the lock edge n acquires: #(k-1) is L0, where the existing chain closes, #0 is L1, e0's own.
                var edge = edges[n];
                writer.WriteLine();
                writer.WriteLine($"-> #{n} ({edge.Acquired}){Usage}:");
                for (int hop = edge.Chain.Length - 1; hop >= 0; hop--)
                {
                    writer.WriteLine(StackIndent + Frame(edge.Chain[hop]));
                }
            }

            writer.WriteLine();
            writer.WriteLine("other info that might help us debug this:");
            writer.WriteLine();
            if (parent != acquiring)
            {
                writer.WriteLine("Chain exists of:");
                writer.WriteLine($"  {acquiring} --> {parent} --> {held}");
                writer.WriteLine();
            }

            writer.WriteLine(" Possible unsafe locking scenario:");
            writer.WriteLine();
            writer.WriteLine("       CPU0                    CPU1");
            writer.WriteLine("       ----                    ----");
            writer.WriteLine($"  lock({held});");
            writer.WriteLine($"                               lock({parent});");
            writer.WriteLine($"                               lock({held});");
            writer.WriteLine($"  lock({acquiring});");
            writer.WriteLine();
            writer.WriteLine(" *** DEADLOCK ***");
            writer.WriteLine();
        }

        private static GraphHop? Outermost(GraphEdge edge) => edge.Chain.IsEmpty ? null : edge.Chain[0];

        private static GraphHop? Innermost(GraphEdge edge) => edge.Chain.IsEmpty ? null : edge.Chain[edge.Chain.Length - 1];

        /// <summary>"CachefilesCache.IssueWrite+Cachefiles/CachefilesCache.cs:95", lockdep's "function+offset".</summary>
        private static string Frame(GraphHop? hop)
            => hop == null ? "(unknown)" : hop.Span == null ? hop.Method : $"{hop.Method}+{hop.Span.FileAndLine}";
    }
}
