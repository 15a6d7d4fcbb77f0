using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Robustness
{
    /// <summary>
    /// Real-shaped library code (Corpus/*.cs, copied next to the test assembly, not compiled into it)
    /// run through every analyzer: each file compiles, no analyzer throws (AD0001), and nothing is
    /// reported, since every file takes its locks in one consistent order and annotates correctly.
    /// Corpus/Inversions and Corpus/Findings hold files that are expected to be reported and are not
    /// read here.
    /// </summary>
    public class CorpusTests
    {
        private static readonly Regex PartFile = new(@"^(?<case>.+)\.part\d+\.cs$", RegexOptions.CultureInvariant);

        private readonly ITestOutputHelper _output;

        public CorpusTests(ITestOutputHelper output) => _output = output;

        private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

        /// <summary>The corpus files that must report nothing: Corpus/*.cs, not its subdirectories.</summary>
        private static IEnumerable<string> Files()
            => Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(path => path, StringComparer.Ordinal);

        /// <summary>A file's case: its name, or for <c>Name.partN.cs</c>, <c>Name</c> (all its parts compile together).</summary>
        private static string CaseOf(string path)
        {
            var fileName = Path.GetFileName(path);
            var part = PartFile.Match(fileName);
            return part.Success ? part.Groups["case"].Value : Path.GetFileNameWithoutExtension(fileName);
        }

        public static IEnumerable<object[]> Cases()
            => Files().Select(CaseOf).Distinct(StringComparer.Ordinal).Select(name => new object[] { name });

        private static SyntaxTree Parse(string path)
            => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), AnalyzerRunner.ParseOptions, path: Path.GetFileName(path));

        private static bool HasTopLevelStatements(SyntaxTree tree)
            => ((CompilationUnitSyntax)tree.GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();

        private async Task AssertCompilesAndReportsNothing(IReadOnlyList<SyntaxTree> trees, string what)
        {
            var outputKind = trees.Any(HasTopLevelStatements) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = AnalyzerRunner.CompileTrees(trees, outputKind);

            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, $"{what} does not compile:\n" + string.Join("\n", errors.Take(20)));

            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await AnalyzerRunner.RunAsync(compilation);
            stopwatch.Stop();
            _output.WriteLine($"{what}: {trees.Count} file(s), {trees.Sum(tree => tree.GetText().Lines.Count)} lines, analyzers {stopwatch.ElapsedMilliseconds} ms");

            var reported = diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal)).ToArray();
            Assert.True(reported.Length == 0, $"{what} is reported:\n" + AnalyzerRunner.Describe(reported.ToImmutableArray()));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public Task CorpusFile_CompilesAndReportsNothing(string name)
        {
            var trees = Files().Where(path => CaseOf(path) == name).Select(Parse).ToArray();
            Assert.NotEmpty(trees);
            return AssertCompilesAndReportsNothing(trees, name);
        }

        [Fact]
        public Task WholeCorpusInOneCompilation_CompilesAndReportsNothing()
        {
            // One compilation may have a single file with top-level statements: leave those out.
            var trees = Files().Select(Parse).Where(tree => !HasTopLevelStatements(tree)).ToArray();
            return AssertCompilesAndReportsNothing(trees, "the whole corpus");
        }

        [Fact]
        public void Corpus_HasTheShapesItIsMeantToCover()
        {
            var files = Files().ToArray();
            var texts = files.Select(File.ReadAllText).ToArray();
            Assert.True(files.Length >= 32, $"only {files.Length} corpus files");
            Assert.True(texts.Count(text => text.Contains("using LockLevels;", StringComparison.Ordinal)) >= 6, "fewer than 6 annotated corpus files");
            Assert.Single(files.Select(Parse), HasTopLevelStatements);
            Assert.Contains(files, path => PartFile.IsMatch(Path.GetFileName(path)));
            Assert.True(Directory.GetFiles(Path.Combine(CorpusDirectory, "Inversions"), "*.cs").Length >= 3, "the inversion samples are missing");
        }
    }
}
