using System;
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
    /// <summary>What one size measured (medians over the repeats).</summary>
    public sealed class SizeResult
    {
        public required GeneratedCodebase Codebase { get; init; }
        public double GenerateMs { get; init; }
        public double ParseMs { get; init; }
        public double CompileMs { get; init; }
        public double? EmitMs { get; init; }
        public long CompileBytes { get; init; }
        public int CompilerWarnings { get; init; }

        /// <summary>Σ of every analyzer's telemetry ExecutionTime: time spent inside analyzer callbacks, summed over threads.</summary>
        public double AnalyzerTelemetryMs { get; init; }

        /// <summary>Wall clock of GetAnalyzerDiagnosticsAsync on a fresh compilation (includes the binding the compiler would share).</summary>
        public double AnalyzerWallMs { get; init; }
        public long AnalyzerWallBytes { get; init; }

        /// <summary>Wall clock of GetAllDiagnosticsAsync (compiler + analyzers, as a build runs them) on a fresh compilation.</summary>
        public double CombinedMs { get; init; }
        public long CombinedBytes { get; init; }

        /// <summary>Same, with only a no-op operation-block analyzer: what any IOperation-based analyzer pays.</summary>
        public double? FloorCombinedMs { get; init; }

        public required IReadOnlyDictionary<string, double> PerAnalyzerMs { get; init; }

        /// <summary>With --solo: each analyzer run alone, its telemetry ExecutionTime.</summary>
        public IReadOnlyDictionary<string, double>? SoloMs { get; init; }
        public required IReadOnlyDictionary<string, int> DiagnosticsById { get; init; }

        public double OverheadMs => CombinedMs - CompileMs;
        public long OverheadBytes => CombinedBytes - CompileBytes;
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
            log($"  generated {codebase.Methods} methods ({codebase.LockMethods} touch locks) in {codebase.Types} types, {codebase.Files.Count} files, {codebase.Lines} lines in {generateMs:0} ms; "
                + $"largest call cycle {codebase.LargestCycle} methods, {codebase.MethodsInCycles} in cycles");

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

            var compileMs = new List<double>();
            var compileBytes = new List<long>();
            var emitMs = new List<double>();
            var analyzerTelemetry = new List<double>();
            var analyzerWall = new List<double>();
            var analyzerBytes = new List<long>();
            var combinedMs = new List<double>();
            var combinedBytes = new List<long>();
            var floorMs = new List<double>();
            var perAnalyzer = new Dictionary<string, List<double>>();
            var byId = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int warnings = 0;

            for (int run = 0; run < options.Repeat; run++)
            {
                // (a) The compiler: declarations, then every method body bound and flow-analysed.
                {
                    var compilation = Compile(trees);
                    var (elapsed, bytes, diagnostics) = Time(() => compilation.GetDiagnostics());
                    compileMs.Add(elapsed);
                    compileBytes.Add(bytes);
                    var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        throw new InvalidOperationException($"The generated code has {errors.Count} compiler errors; first ones:\n  "
                            + string.Join("\n  ", errors.Take(20).Select(d => d.ToString())));
                    }

                    warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                    log($"  compile (GetDiagnostics): {elapsed:0} ms, {Mb(bytes):0} MB allocated, {warnings} compiler warnings");
                }

                if (options.Emit)
                {
                    var compilation = Compile(trees);
                    var (elapsed, _, result) = Time(() =>
                    {
                        using var stream = new MemoryStream();
                        return compilation.Emit(stream);
                    });
                    if (!result.Success)
                    {
                        throw new InvalidOperationException("Emit failed");
                    }

                    emitMs.Add(elapsed);
                    log($"  compile + emit: {elapsed:0} ms");
                }

                // (b) The analyzers alone, with execution-time telemetry.
                {
                    var analyzers = CreateAnalyzers();
                    var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(analyzers, AnalyzerOptions(exceptions, logTime: true));
                    var (elapsed, bytes, diagnostics) = await TimeAsync(() => withAnalyzers.GetAnalyzerDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    double sum = 0;
                    foreach (var analyzer in analyzers)
                    {
                        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
                        double ms = telemetry.ExecutionTime.TotalMilliseconds;
                        sum += ms;
                        string name = analyzer.GetType().Name;
                        if (!perAnalyzer.TryGetValue(name, out var list))
                        {
                            perAnalyzer[name] = list = new List<double>();
                        }

                        list.Add(ms);
                    }

                    analyzerTelemetry.Add(sum);
                    analyzerWall.Add(elapsed);
                    analyzerBytes.Add(bytes);
                    if (run == 0)
                    {
                        foreach (var group in diagnostics.GroupBy(d => d.Id))
                        {
                            byId[group.Key] = group.Count();
                        }
                    }

                    log($"  analyzers (GetAnalyzerDiagnosticsAsync): wall {elapsed:0} ms, telemetry Σ {sum:0} ms, {Mb(bytes):0} MB allocated, {diagnostics.Length} diagnostics");
                }

                // (c) Compiler and analyzers together, as csc runs them.
                {
                    var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(CreateAnalyzers(), AnalyzerOptions(exceptions, logTime: false));
                    var (elapsed, bytes, _) = await TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    combinedMs.Add(elapsed);
                    combinedBytes.Add(bytes);
                    log($"  compile + analyzers (GetAllDiagnosticsAsync): {elapsed:0} ms, {Mb(bytes):0} MB allocated");
                }

                if (options.Floor)
                {
                    var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer()), AnalyzerOptions(exceptions, logTime: false));
                    var (elapsed, _, _) = await TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    floorMs.Add(elapsed);
                    log($"  compile + no-op operation-block analyzer: {elapsed:0} ms");
                }
            }

            Dictionary<string, double>? solo = null;
            if (options.Solo)
            {
                solo = new Dictionary<string, double>();
                foreach (var type in CreateAnalyzers().Select(a => a.GetType()))
                {
                    var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                    var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
                    var withAnalyzers = Compile(trees).WithAnalyzers(ImmutableArray.Create(analyzer), AnalyzerOptions(exceptions, logTime: true));
                    var (elapsed, _, _) = await TimeAsync(() => withAnalyzers.GetAnalyzerDiagnosticsAsync());
                    ThrowOnAnalyzerExceptions(exceptions);
                    double ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default)).ExecutionTime.TotalMilliseconds;
                    solo[type.Name] = ms;
                    log($"  solo {type.Name}: telemetry {ms:0} ms, wall {elapsed:0} ms");
                }
            }

            return new SizeResult
            {
                SoloMs = solo,
                Codebase = codebase,
                GenerateMs = generateMs,
                ParseMs = parseMs,
                CompileMs = Median(compileMs),
                EmitMs = emitMs.Count > 0 ? Median(emitMs) : null,
                CompileBytes = MedianLong(compileBytes),
                CompilerWarnings = warnings,
                AnalyzerTelemetryMs = Median(analyzerTelemetry),
                AnalyzerWallMs = Median(analyzerWall),
                AnalyzerWallBytes = MedianLong(analyzerBytes),
                CombinedMs = Median(combinedMs),
                CombinedBytes = MedianLong(combinedBytes),
                FloorCombinedMs = floorMs.Count > 0 ? Median(floorMs) : null,
                PerAnalyzerMs = perAnalyzer.ToDictionary(pair => pair.Key, pair => Median(pair.Value)),
                DiagnosticsById = byId,
            };
        }

        public static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

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

        private static CompilationWithAnalyzersOptions AnalyzerOptions(System.Collections.Concurrent.ConcurrentQueue<string> exceptions, bool logTime)
            => new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logTime,
                reportSuppressedDiagnostics: false);

        private static void ThrowOnAnalyzerExceptions(System.Collections.Concurrent.ConcurrentQueue<string> exceptions)
        {
            if (!exceptions.IsEmpty)
            {
                throw new InvalidOperationException("An analyzer threw (AD0001):\n" + string.Join("\n", exceptions.Take(5)));
            }
        }

        private static (double Ms, long Bytes, T Result) Time<T>(Func<T> action)
        {
            Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = action();
            double elapsed = watch.Elapsed.TotalMilliseconds;
            long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            return (elapsed, bytes, result);
        }

        private static async Task<(double Ms, long Bytes, T Result)> TimeAsync<T>(Func<Task<T>> action)
        {
            Collect();
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await action().ConfigureAwait(false);
            double elapsed = watch.Elapsed.TotalMilliseconds;
            long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            return (elapsed, bytes, result);
        }

        private static void Collect()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static long MedianLong(List<long> values) => (long)Median(values.Select(v => (double)v).ToList());

        private static void WriteSources(GeneratedCodebase codebase, string directory)
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
}
