using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// Inferred wrappers are computed by whichever analysis thread asks first, each on its own depth-first
    /// walk: the diagnostics must not depend on it. Many trees call wrappers, wrappers of wrappers and a
    /// recursive pair at once; every concurrent run must give what a run on one thread gives (the inversion
    /// between the two gates is seen only through the wrappers).
    /// </summary>
    public class InferredWrapperConcurrencyTests
    {
        private const string Gates = """
            using System.Threading;

            internal static class Gates
            {
                internal static readonly object A = new();
                internal static readonly object B = new();

                internal static void EnterA() => Monitor.Enter(A);

                internal static void ExitA() => Monitor.Exit(A);

                internal static void EnterB() => EnterBDirectly();

                internal static void ExitB() => Monitor.Exit(B);

                private static void EnterBDirectly() => Monitor.Enter(B);

                // A recursive pair: neither is a wrapper, whichever is asked first.
                internal static void EnterEven(int n) { if (n > 0) EnterOdd(n - 1); else Monitor.Enter(A); }

                internal static void EnterOdd(int n) { if (n > 0) EnterEven(n - 1); else Monitor.Enter(A); }
            }
            """;

        private static string Part(int i)
        {
            var body = new StringBuilder();
            body.Append("class Part").Append(i).Append("\n{\n");
            body.Append("    public void AThenB() { Gates.EnterA(); try { Gates.EnterB(); Gates.ExitB(); } finally { Gates.ExitA(); } }\n");
            if (i % 4 == 0)
            {
                body.Append("    public void BThenA() { Gates.EnterB(); try { Gates.EnterA(); Gates.ExitA(); } finally { Gates.ExitB(); } }\n");
            }

            body.Append("    public void Recursive() { Gates.EnterEven(").Append(i).Append("); }\n");
            body.Append("    public void Unbalanced() { Gates.EnterA(); }\n");
            body.Append("}\n");
            return body.ToString();
        }

        [Fact]
        public async Task ConcurrentRuns_GiveTheDiagnosticsOfARunOnOneThread()
        {
            var sources = new[] { Gates }.Concat(Enumerable.Range(0, 24).Select(Part)).ToArray();
            string alone = Describe(await RunAsync(sources, concurrent: false));
            Assert.Contains("LL0100", alone);

            for (int run = 0; run < 6; run++)
            {
                Assert.Equal(alone, Describe(await RunAsync(sources, concurrent: true)));
            }
        }

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(string[] sources, bool concurrent)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
                concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, AnalyzerRunner.ParseOptions, path: $"Part{i}.cs"));
            return await AnalyzerRunner.CompileTrees(trees).WithAnalyzers(AnalyzerRunner.AllAnalyzers, options).GetAnalyzerDiagnosticsAsync();
        }

        private static string Describe(ImmutableArray<Diagnostic> diagnostics)
            => string.Join("\n", diagnostics.Select(diagnostic => diagnostic + string.Concat(diagnostic.AdditionalLocations.Select(location => " @" + location.GetLineSpan())))
                .OrderBy(line => line, System.StringComparer.Ordinal));
    }
}
