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
            text.AppendLine("| methods | lock-touching | compile wall / CPU ms | compile + LockLevels wall / CPU ms | above compiler, wall | above compiler, CPU | allocations above compiler (MB) | first pass: kept units, ms CPU | CPU contention |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                var above = r.Overhead;
                text.AppendLine($"| {r.Codebase.Methods:N0} | {r.Codebase.LockMethods:N0} ({100.0 * r.Codebase.LockMethods / r.Codebase.Methods:0.0}%) "
                    + $"| {F(r.Compile.WallMs)} / {F(r.Compile.CpuMs)} | {F(r.Combined.WallMs)} / {F(r.Combined.CpuMs)} "
                    + $"| {F(above.WallMs)} ({P(above.WallMs / r.Compile.WallMs)}) | {F(above.CpuMs)} ({P(above.CpuMs / r.Compile.CpuMs)}) "
                    + $"| {Harness.Mb(above.Bytes):0} ({P((double)above.Bytes / r.Compile.Bytes)}) "
                    + $"| {r.ReachMattering:N0} of {r.ReachUnits:N0} ({P((double)r.ReachMattering / r.ReachUnits)}), {F(r.Reach.CpuMs)} "
                    + $"| {P(r.Combined.Contention)} |");
            }

            text.AppendLine();
            text.AppendLine("Raw runs (wall / CPU ms; run i of compile and of compile + LockLevels measured back to back):");
            text.AppendLine();
            text.AppendLine("| methods | run | compile | compile + LockLevels | above, CPU |");
            text.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                for (int i = 0; i < Math.Min(r.CompileRuns.Count, r.CombinedRuns.Count); i++)
                {
                    var compile = r.CompileRuns[i];
                    var combined = r.CombinedRuns[i];
                    text.AppendLine($"| {r.Codebase.Methods:N0} | {i + 1} | {F(compile.WallMs)} / {F(compile.CpuMs)} | {F(combined.WallMs)} / {F(combined.CpuMs)} | {P((combined.CpuMs - compile.CpuMs) / compile.CpuMs)} |");
                }
            }

            return text.ToString();
        }

        private static string F(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);

        private static string P(double ratio) => double.IsFinite(ratio) ? (100 * ratio).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
    }
}
