using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Tests.Support
{
    /// <summary>Runs every LockLevels analyzer over plain sources, outside the markup verifier.</summary>
    public static class AnalyzerRunner
    {
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(LockLevels.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, System.StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)System.Activator.CreateInstance(type)!)
            .ToImmutableArray();

        public static CSharpCompilation Compile(params string[] sources)
            => CSharpCompilation.Create(
                "TestAssembly",
                sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
                TestReferences.Framework.Add(TestReferences.Annotations),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>
        /// Parsed sources compiled like <see cref="Compile"/>, with unsafe code allowed and the output kind
        /// given (an executable for a source with top-level statements).
        /// </summary>
        public static CSharpCompilation CompileTrees(System.Collections.Generic.IEnumerable<SyntaxTree> trees, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool allowUnsafe = true)
            => CSharpCompilation.Create(
                "TestAssembly",
                trees,
                TestReferences.Framework.Add(TestReferences.Annotations),
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: allowUnsafe));

        /// <summary>The parse options of every test source.</summary>
        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Preview);

        /// <summary>Every diagnostic with all its locations, one a line, in the order given.</summary>
        public static string Describe(ImmutableArray<Diagnostic> diagnostics)
            => string.Join("\n", diagnostics.Select(diagnostic =>
                diagnostic + string.Concat(diagnostic.AdditionalLocations.Select(location => " @" + location.GetLineSpan().StartLinePosition))));

        /// <summary>
        /// The analyzers' diagnostics. An analyzer exception (what the IDE shows as AD0001) fails
        /// the call, so a test over broken code cannot pass while an analyzer throws.
        /// </summary>
        public static Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, AnalyzerOptions? analyzerOptions = null)
            => RunAsync(compilation, AllAnalyzers, analyzerOptions);

        /// <summary>As <see cref="RunAsync(Compilation, AnalyzerOptions?)"/>, with the analyzers given.</summary>
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? analyzerOptions = null)
        {
            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<System.Exception>();
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            if (!exceptions.IsEmpty)
            {
                throw new System.AggregateException("An analyzer threw", exceptions);
            }

            return diagnostics;
        }
    }
}
