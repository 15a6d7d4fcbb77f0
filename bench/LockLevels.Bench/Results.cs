using System;
using System.Collections.Generic;
using System.Linq;

namespace LockLevels.Bench
{
    /// <summary>One timed run: wall clock, CPU time of the whole process, bytes allocated, and how much the CPU was contended.</summary>
    public readonly record struct Measurement(double WallMs, double CpuMs, long Bytes, double StallMs, double GcPauseMs, int Gen2)
    {
        public static Measurement operator -(Measurement a, Measurement b)
            => new(a.WallMs - b.WallMs, a.CpuMs - b.CpuMs, a.Bytes - b.Bytes, a.StallMs - b.StallMs, a.GcPauseMs - b.GcPauseMs, a.Gen2 - b.Gen2);

        /// <summary>Each figure at its lowest over the runs: the runs least disturbed by the rest of the machine.</summary>
        public static Measurement Best(IReadOnlyCollection<Measurement> runs)
            => new(runs.Min(m => m.WallMs), runs.Min(m => m.CpuMs), runs.Min(m => m.Bytes), runs.Min(m => m.StallMs), runs.Min(m => m.GcPauseMs), runs.Min(m => m.Gen2));

        /// <summary>Each figure at its median over the runs (the mean of the middle two for an even count).</summary>
        public static Measurement Median(IReadOnlyCollection<Measurement> runs)
            => new(MedianOf(runs.Select(m => m.WallMs)), MedianOf(runs.Select(m => m.CpuMs)), (long)MedianOf(runs.Select(m => (double)m.Bytes)),
                MedianOf(runs.Select(m => m.StallMs)), MedianOf(runs.Select(m => m.GcPauseMs)), (int)MedianOf(runs.Select(m => (double)m.Gen2)));

        public static double MedianOf(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        /// <summary>Share of the wall clock during which some runnable task waited for a CPU (Linux PSI); NaN where PSI is missing.</summary>
        public double Contention => StallMs / WallMs;
    }

    /// <summary>What one size measured; with repeats, each figure is the median run (runs interleave compile, analyzers, compile + analyzers).</summary>
    public sealed class SizeResult
    {
        public required GeneratedCodebase Codebase { get; init; }
        public double GenerateMs { get; init; }
        public double ParseMs { get; init; }

        /// <summary>compilation.GetDiagnostics() on a fresh compilation: declarations, binding and flow analysis of every body.</summary>
        public Measurement Compile { get; init; }

        public Measurement? Emit { get; init; }
        public int CompilerWarnings { get; init; }

        /// <summary>Σ of every analyzer's telemetry ExecutionTime: wall time inside analyzer callbacks, summed over threads.</summary>
        public double AnalyzerTelemetryMs { get; init; }

        /// <summary>GetAnalyzerDiagnosticsAsync on a fresh compilation: includes the binding the compiler would share.</summary>
        public Measurement AnalyzerRun { get; init; }

        /// <summary>GetAllDiagnosticsAsync (compiler and analyzers together, as csc runs them) on a fresh compilation.</summary>
        public Measurement Combined { get; init; }

        /// <summary>Same, with only a no-op operation-block analyzer: what any IOperation-based analyzer pays.</summary>
        public Measurement? Floor { get; init; }

        /// <summary>What LockLevels costs beyond the floor any IOperation-based analyzer pays (shared with the SDK's own analyzers in a real build).</summary>
        public Measurement? AboveFloor => Floor is { } floor ? Combined - floor : null;

        public required IReadOnlyDictionary<string, double> PerAnalyzerMs { get; init; }

        /// <summary>With --solo: each analyzer run alone, its telemetry ExecutionTime.</summary>
        public IReadOnlyDictionary<string, double>? SoloMs { get; init; }

        public required IReadOnlyDictionary<string, int> DiagnosticsById { get; init; }

        /// <summary>Every run of (a) and (c), in order: run i of each was measured back to back.</summary>
        public IReadOnlyList<Measurement> CompileRuns { get; init; } = Array.Empty<Measurement>();

        public IReadOnlyList<Measurement> CombinedRuns { get; init; } = Array.Empty<Measurement>();

        /// <summary>With --compare-first-pass: compile + analyzers with the first pass off, run i next to run i of the others.</summary>
        public IReadOnlyList<Measurement> CombinedWithoutFirstPassRuns { get; init; } = Array.Empty<Measurement>();

        /// <summary>The first pass (LockReach.Build) on a fresh compilation, and the share of units it keeps.</summary>
        public Measurement Reach { get; init; }

        public int ReachUnits { get; init; }

        public int ReachMattering { get; init; }

        /// <summary>Units kept although they reach no lock, for the types they create (which the whole-program analysis reads).</summary>
        public int ReachDemanded { get; init; }

        /// <summary>What the analyzers add to a build: compiler + analyzers, less the compiler alone.</summary>
        public Measurement Overhead => Combined - Compile;

        public double PerThousand(double value) => value * 1000.0 / Codebase.Methods;
    }

    public sealed class HarnessOptions
    {
        public int Repeat { get; init; } = 1;
        public bool Emit { get; init; }
        public bool Floor { get; init; } = true;
        public string? WriteDirectory { get; init; }

        /// <summary>Also run each analyzer alone (it then pays for the shared per-body facts itself).</summary>
        public bool Solo { get; init; }

        /// <summary>Only (a) compile and (c) compile + analyzers, interleaved: LockLevels' cost above the compiler alone, and nothing else.</summary>
        public bool CostOnly { get; init; }

        /// <summary>Also measure compile + analyzers with the first pass off, interleaved with the rest.</summary>
        public bool CompareFirstPass { get; init; }

        /// <summary>Only the analyzer run (b): for profiling.</summary>
        public bool AnalyzersOnly { get; init; }
    }
}
