using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Text;
using System.Threading.Tasks;

namespace LockLevels.Bench
{
    /// <summary>
    /// dotnet run -c Release --project bench/LockLevels.Bench -- [sizes...] [options]
    /// Sizes are method counts (default 1000 10000 50000). Progress goes to stderr, the report
    /// (markdown) to stdout.
    /// </summary>
    public static class Program
    {
        private const string Usage = """
            usage: LockLevels.Bench [methods...] [options]
              methods                 sizes to measure, in methods (default: 1000 10000 50000)
              --seed N                generator seed (default 20261125)
              --methods-per-type N    methods per type, one type per file (default 10)
              --types-per-subsystem N types sharing a base class and an interface (default 50)
              --depth N               call-chain depth (default 6)
              --shape dense|sparse    dense: today's worst case; sparse: real code, locks rare and mostly unreached (default dense)
              --density F             fraction of methods that touch locks (default 0.10 dense, 0.015 sparse)
              --inversions F          fraction of lock-touching methods with a planted bug (default 0.02)
              --unannotated           strip LockLevels' annotations from the generated code and drop the reference to
                                      LockLevels.Annotations (real libraries carry neither)
              --repeat N              runs per size; medians are reported (default 1)
              --emit                  also time compile + emit to a MemoryStream
              --no-floor              skip the no-op operation-block analyzer baseline
              --no-warmup             skip the warm-up run
              --solo                  also run each analyzer alone (it then pays for the shared per-body facts)
              --cost-only             time only compile and compile + analyzers, interleaved: LockLevels above the compiler alone
              --compare-first-pass    also time compile + analyzers with the first pass off (every body analysed), interleaved
              --analyzers-only        time only the analyzer run (b), after one compile for the error check (for profiling)
              --write DIR             write the generated sources under DIR/<methods>/
              --generate-only         with --write: write the sources and measure nothing
              --breakdown             compile + each analyzer set in turn (no-op floors, LockFlowAnalyzer with the first pass on and off, the rest), --repeat times
              --first-pass-only       time only the first pass (LockReach.Build), with references bound, --repeat times
            """;

        public static async Task<int> Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

            var sizes = new List<int>();
            var defaults = new GeneratorOptions();
            int seed = defaults.Seed, perType = defaults.MethodsPerType, perSubsystem = defaults.TypesPerSubsystem, depth = defaults.CallDepth;
            double? density = null;
            double inversions = defaults.InversionRate;
            var shape = CodebaseShape.Dense;
            int repeat = 1;
            bool unannotated = false;
            bool emit = false, floor = true, warmup = true, solo = false, analyzersOnly = false, generateOnly = false, costOnly = false, firstPassOnly = false, compareFirstPass = false, breakdown = false;
            string? write = null;
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
                    switch (args[i])
                    {
                        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--methods-per-type": perType = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--types-per-subsystem": perSubsystem = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--depth": depth = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--density": density = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--shape": shape = Enum.Parse<CodebaseShape>(Next(), ignoreCase: true); break;
                        case "--inversions": inversions = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--unannotated": unannotated = true; Harness.ReferenceAnnotations = false; break;
                        case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--emit": emit = true; break;
                        case "--no-floor": floor = false; break;
                        case "--no-warmup": warmup = false; break;
                        case "--solo": solo = true; break;
                        case "--analyzers-only": analyzersOnly = true; break;
                        case "--cost-only": costOnly = true; break;
                        case "--compare-first-pass": compareFirstPass = true; break;
                        case "--write": write = Next(); break;
                        case "--generate-only": generateOnly = true; break;
                        case "--first-pass-only": firstPassOnly = true; break;
                        case "--breakdown": breakdown = true; break;
                        case "--no-infer": Harness.InferUnannotated = false; break;
                        case "-h":
                        case "--help":
                            Console.WriteLine(Usage);
                            return 0;
                        default:
                            sizes.Add(int.Parse(args[i].Replace("_", string.Empty), CultureInfo.InvariantCulture));
                            break;
                    }
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }

            if (sizes.Count == 0)
            {
                sizes.AddRange(new[] { 1000, 10000, 50000 });
            }

            GeneratorOptions Options(int methods) => new GeneratorOptions
            {
                Methods = methods,
                MethodsPerType = perType,
                TypesPerSubsystem = perSubsystem,
                CallDepth = depth,
                LockDensity = density ?? GeneratorOptions.DefaultDensity(shape),
                Shape = shape,
                InversionRate = inversions,
                Seed = seed,
                Unannotated = unannotated,
            };

            if (firstPassOnly)
            {
                foreach (int size in sizes)
                {
                    FirstPass.Run(Options(size), Math.Max(1, repeat), message => Console.Error.WriteLine(message));
                }

                return 0;
            }

            if (breakdown)
            {
                foreach (int size in sizes)
                {
                    await Breakdown.RunAsync(Options(size), Math.Max(1, repeat), message => Console.Error.WriteLine(message));
                }

                return 0;
            }

            if (generateOnly)
            {
                foreach (int size in sizes)
                {
                    var codebase = CodebaseGenerator.Generate(Options(size));
                    Harness.WriteSources(codebase, System.IO.Path.Combine(write ?? ".", size.ToString(CultureInfo.InvariantCulture)));
                    Console.Error.WriteLine($"size {size}: {codebase.Methods} methods, {codebase.LockMethods} touch locks, {codebase.Files.Count} files");
                }

                return 0;
            }

            var harness = new HarnessOptions { Repeat = Math.Max(1, repeat), Emit = emit, Floor = floor, WriteDirectory = write, Solo = solo, AnalyzersOnly = analyzersOnly, CostOnly = costOnly, CompareFirstPass = compareFirstPass };
            var analyzers = Harness.CreateAnalyzers();
            Console.Error.WriteLine($"LockLevels.Bench: {analyzers.Length} analyzers; {Environment.ProcessorCount} cores; .NET {Environment.Version}; "
                + $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}; {(IsOptimized() ? "Release" : "DEBUG BUILD: numbers are meaningless")}");
            Console.Error.WriteLine("  " + Options(0).ToString().Replace("methods=0 ", string.Empty) + "; CPU contention now " + (Harness.PressureNow() ?? "unknown"));

            if (warmup)
            {
                Console.Error.WriteLine("warm-up (2000 methods, not reported)");
                await Harness.MeasureAsync(Options(2000), new HarnessOptions { Floor = floor, Emit = emit, CostOnly = costOnly }, _ => { });
            }

            var results = new List<SizeResult>();
            foreach (int size in sizes)
            {
                Console.Error.WriteLine($"size {size} methods");
                results.Add(await Harness.MeasureAsync(Options(size), harness, message => Console.Error.WriteLine(message)));
            }

            if (!analyzersOnly)
            {
                Console.WriteLine(CostReport.Write(results, Options(0), harness));
                if (!costOnly)
                {
                    Console.WriteLine(Report(results, Options(0), harness, analyzers.Select(a => a.GetType().Name).ToList()));
                }
            }

            return 0;
        }

        private static bool IsOptimized()
            => typeof(Program).Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

        private static string Report(List<SizeResult> results, GeneratorOptions options, HarnessOptions harness, List<string> analyzerNames)
        {
            var text = new StringBuilder();
            text.AppendLine($"## LockLevels analyzer benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version})");
            text.AppendLine();
            text.AppendLine("Generator: " + options.ToString().Replace("methods=0 ", string.Empty) + (harness.Repeat > 1 ? $"; median of {harness.Repeat} interleaved runs per figure" : "; one run per size"));
            text.AppendLine();
            text.AppendLine("| methods | lock-touching methods | types | files | lines | largest call cycle (methods) | parse ms |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                var c = r.Codebase;
                text.AppendLine($"| {c.Methods:N0} | {c.LockMethods:N0} ({100.0 * c.LockMethods / c.Methods:0.0}%) | {c.Types:N0} | {c.Files.Count:N0} | {c.Lines:N0} | {c.LargestCycle:N0} | {F(r.ParseMs)} |");
            }

            text.AppendLine();
            text.AppendLine("Time (ms; wall / CPU where both are given; \"overhead\" = compile+analyzers − compile alone; \"above that floor\" = compile+analyzers − compile+no-op operation-block analyzer; each figure is its best run):");
            text.AppendLine();
            text.AppendLine("| methods | compile | analyzers, telemetry Σ | telemetry ÷ compile wall | analyzer run on a fresh compilation | compile + analyzers | overhead | overhead ÷ compile (CPU) | no-op operation-block analyzer overhead (CPU) | above that floor (CPU) | above floor ÷ compile (CPU) | telemetry per 1k methods | overhead CPU per 1k methods | GC pauses: compile / analyzer run | CPU contention: compile / analyzer run / both |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                string floor = r.Floor is { } f ? F((f - r.Compile).CpuMs) : "–";
                string above = r.AboveFloor is { } a ? F(a.CpuMs) : "–";
                string aboveRatio = r.AboveFloor is { } b ? P(b.CpuMs / r.Compile.CpuMs) : "–";
                text.AppendLine($"| {r.Codebase.Methods:N0} | {WC(r.Compile)} | {F(r.AnalyzerTelemetryMs)} | {P(r.AnalyzerTelemetryMs / r.Compile.WallMs)} | {WC(r.AnalyzerRun)} | {WC(r.Combined)} | {WC(r.Overhead)} | {P(r.Overhead.CpuMs / r.Compile.CpuMs)} | {floor} | {above} | {aboveRatio} | {r.PerThousand(r.AnalyzerTelemetryMs):0.0} | {r.PerThousand(r.Overhead.CpuMs):0.0} | {F(r.Compile.GcPauseMs)} / {F(r.AnalyzerRun.GcPauseMs)} | {P(r.Compile.Contention)} / {P(r.AnalyzerRun.Contention)} / {P(r.Combined.Contention)} |");
            }

            if (harness.Emit)
            {
                text.AppendLine();
                text.AppendLine("| methods | compile + emit (wall / CPU) | telemetry ÷ (compile + emit) wall |");
                text.AppendLine("|---:|---:|---:|");
                foreach (var r in results)
                {
                    text.AppendLine($"| {r.Codebase.Methods:N0} | {(r.Emit is { } e ? WC(e) : "–")} | {P(r.AnalyzerTelemetryMs / (r.Emit?.WallMs ?? double.NaN))} |");
                }
            }

            text.AppendLine();
            text.AppendLine("Allocations (MB, `GC.GetTotalAllocatedBytes(true)` deltas):");
            text.AppendLine();
            text.AppendLine("| methods | compile | analyzer run on a fresh compilation | compile + analyzers | overhead | above the no-op floor | analyzer run per 1k methods | overhead per 1k methods | above floor per 1k methods |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                text.AppendLine($"| {r.Codebase.Methods:N0} | {Harness.Mb(r.Compile.Bytes):0} | {Harness.Mb(r.AnalyzerRun.Bytes):0} | {Harness.Mb(r.Combined.Bytes):0} | {Harness.Mb(r.Overhead.Bytes):0} | {(r.AboveFloor is { } a ? Harness.Mb(a.Bytes).ToString("0") : "–")} | {r.PerThousand(Harness.Mb(r.AnalyzerRun.Bytes)):0.0} | {r.PerThousand(Harness.Mb(r.Overhead.Bytes)):0.0} | {(r.AboveFloor is { } b ? r.PerThousand(Harness.Mb(b.Bytes)).ToString("0.0") : "–")} |");
            }

            text.AppendLine();
            text.AppendLine("Growth between consecutive sizes (linear = the size ratio):");
            text.AppendLine();
            text.AppendLine("| from → to | size × | compile CPU × | analyzers telemetry × | analyzer run CPU × | overhead CPU × | above-floor CPU × | overhead MB × |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 1; i < results.Count; i++)
            {
                var a = results[i - 1];
                var b = results[i];
                text.AppendLine($"| {a.Codebase.Methods:N0} → {b.Codebase.Methods:N0} | {(double)b.Codebase.Methods / a.Codebase.Methods:0.00} | {b.Compile.CpuMs / a.Compile.CpuMs:0.00} | {b.AnalyzerTelemetryMs / a.AnalyzerTelemetryMs:0.00} | {b.AnalyzerRun.CpuMs / a.AnalyzerRun.CpuMs:0.00} | {b.Overhead.CpuMs / a.Overhead.CpuMs:0.00} | {(b.AboveFloor?.CpuMs / a.AboveFloor?.CpuMs)?.ToString("0.00") ?? "–"} | {(double)b.Overhead.Bytes / a.Overhead.Bytes:0.00} |");
            }

            text.AppendLine();
            text.AppendLine("Per analyzer, all thirteen together (telemetry ExecutionTime, ms, and share of the Σ; the per-body facts the rules share are paid by whichever rule asks first, and a rule waiting on them is charged the wait):");
            text.AppendLine();
            text.Append("| analyzer |");
            foreach (var r in results)
            {
                text.Append($" {r.Codebase.Methods:N0} |");
            }

            text.Append(results.Count > 1 ? " growth (last two) |\n" : "\n");
            text.Append("|---|");
            text.Append(string.Concat(Enumerable.Repeat("---:|", results.Count + (results.Count > 1 ? 1 : 0))));
            text.AppendLine();
            foreach (var name in analyzerNames.OrderByDescending(n => results[^1].PerAnalyzerMs.GetValueOrDefault(n)))
            {
                text.Append($"| {name} |");
                foreach (var r in results)
                {
                    double ms = r.PerAnalyzerMs.GetValueOrDefault(name);
                    text.Append($" {ms:0} ({P(ms / r.AnalyzerTelemetryMs)}) |");
                }

                if (results.Count > 1)
                {
                    double last = results[^1].PerAnalyzerMs.GetValueOrDefault(name), previous = results[^2].PerAnalyzerMs.GetValueOrDefault(name);
                    text.Append(previous > 0 ? $" {last / previous:0.00} |" : " – |");
                }

                text.AppendLine();
            }

            if (results.All(r => r.SoloMs != null))
            {
                text.AppendLine();
                text.AppendLine("Each analyzer alone (telemetry ms; a rule alone pays for the per-body facts it shares with the others):");
                text.AppendLine();
                text.Append("| analyzer |");
                foreach (var r in results)
                {
                    text.Append($" {r.Codebase.Methods:N0} |");
                }

                text.Append(results.Count > 1 ? " growth (last two) |\n" : "\n");
                text.Append("|---|");
                text.Append(string.Concat(Enumerable.Repeat("---:|", results.Count + (results.Count > 1 ? 1 : 0))));
                text.AppendLine();
                foreach (var name in analyzerNames.OrderByDescending(n => results[^1].SoloMs!.GetValueOrDefault(n)))
                {
                    text.Append($"| {name} |");
                    foreach (var r in results)
                    {
                        text.Append($" {r.SoloMs!.GetValueOrDefault(name):0} |");
                    }

                    if (results.Count > 1)
                    {
                        double last = results[^1].SoloMs!.GetValueOrDefault(name), previous = results[^2].SoloMs!.GetValueOrDefault(name);
                        text.Append(previous > 0 ? $" {last / previous:0.00} |" : " – |");
                    }

                    text.AppendLine();
                }
            }

            text.AppendLine();
            text.AppendLine("Diagnostics by ID (analyzers; planted bugs in brackets; LL0004 cycles follow from the inversions, at most 64):");
            text.AppendLine();
            var ids = results.SelectMany(r => r.DiagnosticsById.Keys).Concat(results.SelectMany(r => r.Codebase.Planted.Keys)).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            text.Append("| ID |");
            foreach (var r in results)
            {
                text.Append($" {r.Codebase.Methods:N0} |");
            }

            text.AppendLine();
            text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", results.Count))).AppendLine();
            foreach (var id in ids)
            {
                text.Append($"| {id} |");
                foreach (var r in results)
                {
                    int found = r.DiagnosticsById.GetValueOrDefault(id);
                    text.Append(r.Codebase.Planted.TryGetValue(id, out int planted) ? $" {found} [{planted}] |" : $" {found} |");
                }

                text.AppendLine();
            }

            text.AppendLine();
            text.AppendLine("Compiler warnings in the generated code: " + string.Join(", ", results.Select(r => $"{r.Codebase.Methods:N0}: {r.CompilerWarnings}")));
            return text.ToString();
        }

        private static string F(double ms) => ms.ToString("N0", CultureInfo.InvariantCulture);

        private static string WC(Measurement m) => F(m.WallMs) + " / " + F(m.CpuMs);

        private static string P(double ratio) => double.IsFinite(ratio) ? (100 * ratio).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
    }
}
