using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>
    /// The figure issue 12 is judged by: what LockLevels adds to a build above the compiler alone
    /// (compile + analyzers, less compile; no floor subtracted, since a real build pays whatever
    /// LockLevels causes), as medians of interleaved runs, with every raw run beside them.
    /// </summary>
    public static class CostReport
    {
        public static string Write(IReadOnlyList<SizeResult> results, GeneratorOptions options, HarnessOptions harness)
        {
            var text = new StringBuilder();
            text.AppendLine($"### LockLevels above the compiler alone ({options.Shape.ToString().ToLowerInvariant()} shape; median of {harness.Repeat} interleaved run(s))");
            text.AppendLine();
            text.AppendLine("Generator: " + options.ToString().Replace("methods=0 ", string.Empty));
            text.AppendLine();
            text.AppendLine("| methods | lock-touching | compile wall / CPU ms | compile + LockLevels wall / CPU ms | above compiler, wall | above compiler, CPU | allocations above compiler (MB) | first pass: kept units (reaching a lock + for their creations), ms CPU | CPU contention |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                var above = r.Overhead;
                text.AppendLine($"| {r.Codebase.Methods:N0} | {r.Codebase.LockMethods:N0} ({100.0 * r.Codebase.LockMethods / r.Codebase.Methods:0.0}%) "
                    + $"| {F(r.Compile.WallMs)} / {F(r.Compile.CpuMs)} | {F(r.Combined.WallMs)} / {F(r.Combined.CpuMs)} "
                    + $"| {F(above.WallMs)} ({P(above.WallMs / r.Compile.WallMs)}) | {F(above.CpuMs)} ({P(above.CpuMs / r.Compile.CpuMs)}) "
                    + $"| {Harness.Mb(above.Bytes):0} ({P((double)above.Bytes / r.Compile.Bytes)}) "
                    + $"| {r.ReachMattering:N0} + {r.ReachDemanded:N0} of {r.ReachUnits:N0} ({P((double)(r.ReachMattering + r.ReachDemanded) / r.ReachUnits)}), {F(r.Reach.CpuMs)} "
                    + $"| {P(r.Combined.Contention)} |");
            }

            bool compared = results.Count > 0 && results[0].CombinedWithoutFirstPassRuns.Count > 0;
            if (compared)
            {
                text.AppendLine();
                text.AppendLine("First pass off (every body's operations analysed, as before issue 12), medians of the same interleaved runs:");
                text.AppendLine();
                text.AppendLine("| methods | compile + LockLevels, first pass off, wall / CPU ms | above compiler, CPU, first pass off | above compiler, CPU, first pass on | allocations above compiler (MB), off / on |");
                text.AppendLine("|---:|---:|---:|---:|---:|");
                foreach (var r in results)
                {
                    var off = Measurement.Median(r.CombinedWithoutFirstPassRuns);
                    text.AppendLine($"| {r.Codebase.Methods:N0} | {F(off.WallMs)} / {F(off.CpuMs)} | {F(off.CpuMs - r.Compile.CpuMs)} ({P((off.CpuMs - r.Compile.CpuMs) / r.Compile.CpuMs)}) "
                        + $"| {F(r.Overhead.CpuMs)} ({P(r.Overhead.CpuMs / r.Compile.CpuMs)}) | {Harness.Mb(off.Bytes - r.Compile.Bytes):0} / {Harness.Mb(r.Overhead.Bytes):0} |");
                }
            }

            text.AppendLine();
            text.AppendLine("Raw runs (wall / CPU ms / MB allocated; run i of each configuration measured back to back" + (compared ? ", first pass on and off in alternating order" : string.Empty) + "):");
            text.AppendLine();
            text.AppendLine("| methods | run | compile | compile + LockLevels | above, CPU | above, MB |" + (compared ? " first pass off | above, CPU (off) | above, MB (off) |" : string.Empty));
            text.AppendLine("|---:|---:|---:|---:|---:|---:|" + (compared ? "---:|---:|---:|" : string.Empty));
            foreach (var r in results)
            {
                for (int i = 0; i < Math.Min(r.CompileRuns.Count, r.CombinedRuns.Count); i++)
                {
                    var compile = r.CompileRuns[i];
                    var combined = r.CombinedRuns[i];
                    var line = $"| {r.Codebase.Methods:N0} | {i + 1} | {Raw(compile)} | {Raw(combined)} | {P((combined.CpuMs - compile.CpuMs) / compile.CpuMs)} | {Harness.Mb(combined.Bytes - compile.Bytes):0} |";
                    if (compared && i < r.CombinedWithoutFirstPassRuns.Count)
                    {
                        var off = r.CombinedWithoutFirstPassRuns[i];
                        line += $" {Raw(off)} | {P((off.CpuMs - compile.CpuMs) / compile.CpuMs)} | {Harness.Mb(off.Bytes - compile.Bytes):0} |";
                    }

                    text.AppendLine(line);
                }
            }

            for (int i = 1; i < results.Count; i++)
            {
                var (from, to) = (results[i - 1], results[i]);
                text.AppendLine();
                text.AppendLine($"Growth {from.Codebase.Methods:N0} → {to.Codebase.Methods:N0} methods ({(double)to.Codebase.Methods / from.Codebase.Methods:0.00}×), medians: "
                    + $"compile CPU {to.Compile.CpuMs / from.Compile.CpuMs:0.00}×, compile + LockLevels CPU {to.Combined.CpuMs / from.Combined.CpuMs:0.00}×, "
                    + $"LockLevels above compiler CPU {to.Overhead.CpuMs / from.Overhead.CpuMs:0.00}×, allocations {(double)to.Combined.Bytes / from.Combined.Bytes:0.00}× "
                    + $"(above compiler {(double)to.Overhead.Bytes / from.Overhead.Bytes:0.00}×)");
            }

            return text.ToString();
        }

        private static string Raw(Measurement m) => $"{F(m.WallMs)} / {F(m.CpuMs)} / {Harness.Mb(m.Bytes):0}";

        private static string F(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);

        private static string P(double ratio) => double.IsFinite(ratio) ? (100 * ratio).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
    }
}
