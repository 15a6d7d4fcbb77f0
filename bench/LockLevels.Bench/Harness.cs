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
    /// <summary>Builds compilations of generated codebases and times the compiler and the LockLevels analyzers on them.</summary>
    public static class Harness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
        private static readonly Lazy<ImmutableArray<MetadataReference>> WithAnnotations = new(() => Framework.Value.Add(
            MetadataReference.CreateFromFile(typeof(LockLevels.AcquiresAttribute).Assembly.Location)));

        /// <summary>Whether the compilations reference LockLevels.Annotations; off for --unannotated, as in a library that does not use them.</summary>
        public static bool ReferenceAnnotations { get; set; } = true;

        private static ImmutableArray<MetadataReference> References => ReferenceAnnotations ? WithAnnotations.Value : Framework.Value;

        /// <summary>
        /// Every public, non-abstract DiagnosticAnalyzer in the LockLevels.Analyzers assembly, fresh instances;
        /// with <paramref name="firstPass"/> false, the held-lock analyzer analyses every body (as before issue 12).
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers(bool firstPass = true)
            => typeof(LockLevels.Analyzers.DiagnosticIds).Assembly.GetTypes()
                .Where(type => type.IsPublic && !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                .OrderBy(type => type.Name, StringComparer.Ordinal)
                .Select(type => !firstPass && type == typeof(LockLevels.Analyzers.LockFlowAnalyzer)
                    ? new LockLevels.Analyzers.LockFlowAnalyzer(firstPass: false)
                    : (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
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
            var combinedOff = new List<Measurement>();
            var floor = new List<Measurement>();
            var perAnalyzer = new Dictionary<string, List<double>>();
            var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int warnings = 0;
            Measurement reachRun = default;
            int reachUnits = 0, reachMattering = 0, reachDemanded = 0;

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
                    reachDemanded = reach.KeptForFactsCount;
                    log($"  first pass (LockReach.Build): {Describe(m)}; {reach.MatteringCount} of {reach.UnitCount} units may matter ({100.0 * reach.MatteringCount / reach.UnitCount:0.0}%), {reach.KeptForFactsCount} more kept for their creations, {reach.StoreCandidateCount} that may store a delegate parameter (kept if their owner has one)");
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

                // (c) Compiler and analyzers together, as csc runs them; with --compare-first-pass, also with
                // the first pass off, the two in alternating order from run to run.
                if (!options.AnalyzersOnly)
                {
                    bool offFirst = options.CompareFirstPass && run % 2 == 1;
                    if (offFirst)
                    {
                        combinedOff.Add(await MeasureCombinedAsync(trees, firstPass: false, tag, log, byId: null));
                    }

                    combined.Add(await MeasureCombinedAsync(trees, firstPass: true, tag, log, run == 0 && options.CostOnly ? byId : null));
                    if (options.CompareFirstPass && !offFirst)
                    {
                        combinedOff.Add(await MeasureCombinedAsync(trees, firstPass: false, tag, log, byId: null));
                    }
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
                CombinedWithoutFirstPassRuns = combinedOff,
                Reach = reachRun,
                ReachUnits = reachUnits,
                ReachMattering = reachMattering,
                ReachDemanded = reachDemanded,
                PerAnalyzerMs = perAnalyzer.ToDictionary(pair => pair.Key, pair => Measurement.MedianOf(pair.Value)),
                SoloMs = solo,
                DiagnosticsById = byId,
            };
        }

        private static async Task<Measurement> MeasureCombinedAsync(ImmutableArray<SyntaxTree> trees, bool firstPass, string tag, Action<string> log, SortedDictionary<string, int>? byId)
        {
            var exceptions = new ConcurrentQueue<string>();
            var withAnalyzers = Compile(trees).WithAnalyzers(CreateAnalyzers(firstPass), AnalyzerOptions(exceptions, logTime: false));
            var (m, all) = await TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
            ThrowOnAnalyzerExceptions(exceptions);
            if (byId != null)
            {
                foreach (var group in all.Where(d => d.Id.StartsWith("LL", StringComparison.Ordinal)).GroupBy(d => d.Id))
                {
                    byId[group.Key] = group.Count();
                }
            }

            log($"  compile + analyzers (GetAllDiagnosticsAsync){(firstPass ? string.Empty : ", first pass off")}{tag}: {Describe(m)}; {all.Count(d => d.Id.StartsWith("LL", StringComparison.Ordinal))} LockLevels diagnostics");
            return m;
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

        internal static string Describe(Measurement m)
            => $"wall {m.WallMs:0} ms, CPU {m.CpuMs:0} ms, {Mb(m.Bytes):0} MB allocated, GC pauses {m.GcPauseMs:0} ms ({m.Gen2} gen2)"
                + (double.IsNaN(m.StallMs) ? string.Empty : $", CPU contention {100 * m.Contention:0}%");

        internal static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees)
            => CSharpCompilation.Create(
                "Fs.Synthetic",
                trees,
                References,
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

        internal static (Measurement Measurement, T Result) Time<T>(Func<T> action)
        {
            var start = Snapshot.Take(collectFirst: true);
            var result = action();
            return (Snapshot.Take(collectFirst: false) - start, result);
        }

        internal static async Task<(Measurement Measurement, T Result)> TimeAsync<T>(Func<Task<T>> action)
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

        private static ImmutableArray<MetadataReference> LoadFramework()
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
                .ToImmutableArray();
        }
    }
}
