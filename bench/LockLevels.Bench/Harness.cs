using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

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

        /// <summary>The first pass (LockReach.Build) on a fresh compilation, and the share of units it keeps.</summary>
        public Measurement Reach { get; init; }

        public int ReachUnits { get; init; }

        public int ReachMattering { get; init; }

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

        /// <summary>Only the analyzer run (b): for profiling.</summary>
        public bool AnalyzersOnly { get; init; }
    }

    /// <summary>Builds compilations of generated codebases and times the compiler and the LockLevels analyzers on them.</summary>
    public static class Harness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

        /// <summary>Every public, non-abstract DiagnosticAnalyzer in the LockLevels.Analyzers assembly, fresh instances.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers()
            => typeof(LockLevels.Analyzers.DiagnosticIds).Assembly.GetTypes()
                .Where(type => type.IsPublic && !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        public static async Task<SizeResult> MeasureAsync(GeneratorOptions generatorOptions, HarnessOptions options, Action<string> log)
        {
            var watch = Stopwatch.StartNew();
            var codebase = CodebaseGenerator.Generate(generatorOptions);
            double generateMs = watch.Elapsed.TotalMilliseconds;
            log($"  generated {codebase.Methods} methods ({codebase.LockMethods} touch locks) in {codebase.Types} types, {codebase.Files.Count} files, "
                + $"{codebase.Lines} lines in {generateMs:0} ms; largest call cycle {codebase.LargestCycle} methods, {codebase.MethodsInCycles} in cycles");

            if (options.WriteDirectory != null)
            {
                WriteSources(codebase, Path.Combine(options.WriteDirectory, generatorOptions.Methods.ToString()));
            }

            Collect();
            watch.Restart();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = codebase.Files
                .Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path))
                .ToImmutableArray();
            double parseMs = watch.Elapsed.TotalMilliseconds;

            var compile = new List<Measurement>();
            var emit = new List<Measurement>();
            var analyzerRun = new List<Measurement>();
            var telemetry = new List<double>();
            var combined = new List<Measurement>();
            var floor = new List<Measurement>();
            var perAnalyzer = new Dictionary<string, List<double>>();
            var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int warnings = 0;
            Measurement reachRun = default;
            int reachUnits = 0, reachMattering = 0;

            for (int run = 0; run < options.Repeat; run++)
            {
                string tag = options.Repeat > 1 ? $" [run {run + 1}/{options.Repeat}]" : string.Empty;

                // (a) The compiler: declarations, then every method body bound and flow-analysed.
                if (!options.AnalyzersOnly || run == 0)
                {
                    var compilation = Compile(trees);
                    var (m, diagnostics) = Time(() => compilation.GetDiagnostics());
                    compile.Add(m);
                    var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        throw new InvalidOperationException($"The generated code has {errors.Count} compiler errors; first ones:\n  "
                            + string.Join("\n  ", errors.Take(20).Select(d => d.ToString())));
                    }

                    warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    log($"  compile (GetDiagnostics){tag}: {Describe(m)}; {warnings} compiler warnings");
                }

                if (options.Emit && !options.AnalyzersOnly)
                {
                    var compilation = Compile(trees);
                    var (m, result) = Time(() =>
                    {
                        using var stream = new MemoryStream();
                        return compilation.Emit(stream);
                    });
                    if (!result.Success)
                    {
                        throw new InvalidOperationException("Emit failed");
                    }

                    emit.Add(m);
                    log($"  compile + emit{tag}: {Describe(m)}");
                }

                if (run == 0 && !options.AnalyzersOnly)
                {
                    // References bound first: in a build the compiler has bound them before any analyzer runs.
                    var fresh = Compile(trees);
                    _ = fresh.SourceModule.ReferencedAssemblySymbols;
                    var (m, reach) = Time(() => LockLevels.Analyzers.Reach.LockReach.Build(fresh, default));
                    reachRun = m;
                    reachUnits = reach.UnitCount;
                    reachMattering = reach.MatteringCount;
                    log($"  first pass (LockReach.Build): {Describe(m)}; {reach.MatteringCount} of {reach.UnitCount} units may matter ({100.0 * reach.MatteringCount / reach.UnitCount:0.0}%)");
                }

                // (b) The analyzers alone, with execution-time telemetry.
                if (!options.CostOnly)
                {
                    var analyzers = CreateAnalyzers();
                    var exceptions = new ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(analyzers, AnalyzerOptions(exceptions, logTime: true));
                    var (m, diagnostics) = await TimeAsync(() => withAnalyzers.GetAnalyzerDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    double sum = 0;
                    foreach (var analyzer in analyzers)
                    {
                        double ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
                        sum += ms;
                        string name = analyzer.GetType().Name;
                        if (!perAnalyzer.TryGetValue(name, out var list))
                        {
                            perAnalyzer[name] = list = new List<double>();
                        }

                        list.Add(ms);
                    }

                    analyzerRun.Add(m);
                    telemetry.Add(sum);
                    if (run == 0)
                    {
                        foreach (var group in diagnostics.GroupBy(d => d.Id))
                        {
                            byId[group.Key] = group.Count();
                        }
                    }

                    log($"  analyzers (GetAnalyzerDiagnosticsAsync){tag}: {Describe(m)}; telemetry Σ {sum:0} ms; {diagnostics.Length} diagnostics");
                }

                // (c) Compiler and analyzers together, as csc runs them.
                if (!options.AnalyzersOnly)
                {
                    var exceptions = new ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(CreateAnalyzers(), AnalyzerOptions(exceptions, logTime: false));
                    var (m, all) = await TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    combined.Add(m);
                    if (run == 0 && options.CostOnly)
                    {
                        foreach (var group in all.Where(d => d.Id.StartsWith("LL", StringComparison.Ordinal)).GroupBy(d => d.Id))
                        {
                            byId[group.Key] = group.Count();
                        }
                    }
                    log($"  compile + analyzers (GetAllDiagnosticsAsync){tag}: {Describe(m)}");
                }

                // (d) The floor: compiler plus an analyzer that only asks for every body's operations.
                if (options.Floor && !options.AnalyzersOnly && !options.CostOnly)
                {
                    var exceptions = new ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer()), AnalyzerOptions(exceptions, logTime: false));
                    var (m, _) = await TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    floor.Add(m);
                    log($"  compile + no-op operation-block analyzer{tag}: {Describe(m)}");
                }
            }

            Dictionary<string, double>? solo = null;
            if (options.Solo)
            {
                solo = new Dictionary<string, double>();
                foreach (var type in CreateAnalyzers().Select(a => a.GetType()))
                {
                    var best = double.MaxValue;
                    for (int run = 0; run < options.Repeat; run++)
                    {
                        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                        var exceptions = new ConcurrentQueue<string>();
                        var withAnalyzers = Compile(trees).WithAnalyzers(ImmutableArray.Create(analyzer), AnalyzerOptions(exceptions, logTime: true));
                        var (m, _) = await TimeAsync(() => withAnalyzers.GetAnalyzerDiagnosticsAsync());
                        ThrowOnAnalyzerExceptions(exceptions);
                        double ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
                        best = Math.Min(best, ms);
                        log($"  solo {type.Name}: telemetry {ms:0} ms; run {Describe(m)}");
                    }

                    solo[type.Name] = best;
                }
            }

            return new SizeResult
            {
                Codebase = codebase,
                GenerateMs = generateMs,
                ParseMs = parseMs,
                Compile = Measurement.Median(compile),
                Emit = emit.Count > 0 ? Measurement.Median(emit) : null,
                CompilerWarnings = warnings,
                AnalyzerTelemetryMs = telemetry.Count > 0 ? Measurement.MedianOf(telemetry) : double.NaN,
                AnalyzerRun = analyzerRun.Count > 0 ? Measurement.Median(analyzerRun) : default,
                Combined = combined.Count > 0 ? Measurement.Median(combined) : default,
                Floor = floor.Count > 0 ? Measurement.Median(floor) : null,
                CompileRuns = compile,
                CombinedRuns = combined,
                Reach = reachRun,
                ReachUnits = reachUnits,
                ReachMattering = reachMattering,
                PerAnalyzerMs = perAnalyzer.ToDictionary(pair => pair.Key, pair => Measurement.MedianOf(pair.Value)),
                SoloMs = solo,
                DiagnosticsById = byId,
            };
        }

        /// <summary>The first pass alone on one generated codebase: time and allocations per run, and the share it keeps.</summary>
        public static void TimeFirstPass(GeneratorOptions generatorOptions, int repeat, Action<string> log)
        {
            var codebase = CodebaseGenerator.Generate(generatorOptions);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = codebase.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path)).ToImmutableArray();
            var compilation = Compile(trees);
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            for (int run = 0; run < repeat; run++)
            {
                // The floor of any syntax walk: every node of every tree visited, nothing done with it.
                var (walk, nodes) = Time(() =>
                {
                    long count = 0;
                    System.Threading.Tasks.Parallel.ForEach(trees, tree =>
                    {
                        long local = 0;
                        foreach (var node in tree.GetRoot().DescendantNodes())
                        {
                            local++;
                        }

                        System.Threading.Interlocked.Add(ref count, local);
                    });
                    return count;
                });
                log($"{generatorOptions.Shape} {codebase.Methods} methods, bare syntax walk run {run + 1}: {Describe(walk)}; {nodes} nodes");
                var (m, reach) = Time(() => LockLevels.Analyzers.Reach.LockReach.Build(compilation, default));
                log($"{generatorOptions.Shape} {codebase.Methods} methods, first pass run {run + 1}: {Describe(m)}; {reach.MatteringCount} of {reach.UnitCount} units may matter ({100.0 * reach.MatteringCount / reach.UnitCount:0.0}%)");
                if (run == 0)
                {
                    log("  names that make a body matter: " + reach.MatteringNames.Count + "; pseudo-names among them: " + string.Join(" ", reach.MatteringNames.Where(n => n.StartsWith('<') || n == "this[]")));
                }
            }
        }

        public static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

        /// <summary>Current CPU contention (Linux PSI "some" share over the last 10 s), or null where PSI is missing.</summary>
        public static string? PressureNow()
        {
            try
            {
                var line = File.ReadLines("/proc/pressure/cpu").First();
                var avg10 = line.Split(' ').First(part => part.StartsWith("avg10=", StringComparison.Ordinal));
                return avg10.Substring("avg10=".Length) + "%";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return null;
            }
        }

        private static string Describe(Measurement m)
            => $"wall {m.WallMs:0} ms, CPU {m.CpuMs:0} ms, {Mb(m.Bytes):0} MB allocated, GC pauses {m.GcPauseMs:0} ms ({m.Gen2} gen2)"
                + (double.IsNaN(m.StallMs) ? string.Empty : $", CPU contention {100 * m.Contention:0}%");

        private static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees)
            => CSharpCompilation.Create(
                "Fs.Synthetic",
                trees,
                References.Value,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Enable,
                    concurrentBuild: true,
                    deterministic: true));

        /// <summary>locklevels.infer_unannotated for every run (the .globalconfig key); on unless --no-infer.</summary>
        public static bool InferUnannotated { get; set; } = true;

        private static CompilationWithAnalyzersOptions AnalyzerOptions(ConcurrentQueue<string> exceptions, bool logTime)
            => new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(InferUnannotated ? "true" : "false")),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logTime,
                reportSuppressedDiagnostics: false);

        private static void ThrowOnAnalyzerExceptions(ConcurrentQueue<string> exceptions)
        {
            if (!exceptions.IsEmpty)
            {
                throw new InvalidOperationException("An analyzer threw (AD0001):\n" + string.Join("\n", exceptions.Take(5)));
            }
        }

        private static (Measurement Measurement, T Result) Time<T>(Func<T> action)
        {
            var start = Snapshot.Take(collectFirst: true);
            var result = action();
            return (Snapshot.Take(collectFirst: false) - start, result);
        }

        private static async Task<(Measurement Measurement, T Result)> TimeAsync<T>(Func<Task<T>> action)
        {
            var start = Snapshot.Take(collectFirst: true);
            var result = await action().ConfigureAwait(false);
            return (Snapshot.Take(collectFirst: false) - start, result);
        }

        private readonly record struct Snapshot(long Ticks, TimeSpan Cpu, long Bytes, double StallMs, TimeSpan GcPause, int Gen2)
        {
            public static Snapshot Take(bool collectFirst)
            {
                if (collectFirst)
                {
                    Collect();
                }

                long ticks = Stopwatch.GetTimestamp();
                using var process = Process.GetCurrentProcess();
                return new Snapshot(ticks, process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), StallTotalMs(), GC.GetTotalPauseDuration(), GC.CollectionCount(2));
            }

            public static Measurement operator -(Snapshot end, Snapshot start)
                => new(Stopwatch.GetElapsedTime(start.Ticks, end.Ticks).TotalMilliseconds,
                    (end.Cpu - start.Cpu).TotalMilliseconds,
                    end.Bytes - start.Bytes,
                    end.StallMs - start.StallMs,
                    (end.GcPause - start.GcPause).TotalMilliseconds,
                    end.Gen2 - start.Gen2);
        }

        private static double StallTotalMs()
        {
            try
            {
                var line = File.ReadLines("/proc/pressure/cpu").First();
                var total = line.Split(' ').First(part => part.StartsWith("total=", StringComparison.Ordinal));
                return long.Parse(total.Substring("total=".Length), System.Globalization.CultureInfo.InvariantCulture) / 1000.0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
            {
                return double.NaN;
            }
        }

        private static void Collect()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        public static void WriteSources(GeneratedCodebase codebase, string directory)
        {
            foreach (var (path, text) in codebase.Files)
            {
                var full = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var directory = typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ReferenceAssemblyDirectory").Value!;
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("Reference assemblies not found: " + directory);
            }

            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .Append(MetadataReference.CreateFromFile(typeof(LockLevels.AcquiresAttribute).Assembly.Location))
                .ToImmutableArray();
        }
    }

    /// <summary>
    /// The floor: an analyzer that asks for every body's operations and does nothing with them.
    /// Any IOperation-based analyzer pays this (driver, operation trees, re-binding).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class OperationFloorAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(block =>
            {
                int count = 0;
                foreach (var operation in block.OperationBlocks)
                {
                    count += operation.Kind == OperationKind.None ? 1 : 0;
                }

                GC.KeepAlive(count);
            });
        }
    }

    /// <summary>Analyzer config options with one global key, as a .globalconfig would give them.</summary>
    internal sealed class GlobalOptionsProvider : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public GlobalOptionsProvider(string inferUnannotated) => _global = new Options(inferUnannotated);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null);

            private readonly string? _infer;

            public Options(string? infer) => _infer = infer;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == "locklevels.infer_unannotated" ? _infer : null;
                return value != null;
            }
        }
    }
}
