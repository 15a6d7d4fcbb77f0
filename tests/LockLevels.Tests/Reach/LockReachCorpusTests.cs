using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers.Reach;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass loses nothing (issue 12, item 3), shown independently of the engine: every
    /// analyzer runs once on the code as it is and once with every body the first pass leaves out
    /// erased, over the test corpus and the samples, and the diagnostics must be identical — ID,
    /// span, message and additional locations. Erasing a body the engine needs (a lock, a caller
    /// of a lock, a deep context) changes them, as the last test shows.
    /// </summary>
    public class LockReachCorpusTests
    {
        private static readonly Regex PartFile = new(@"^(?<case>.+)\.part\d+\.cs$", RegexOptions.CultureInvariant);

        private readonly ITestOutputHelper _output;

        public LockReachCorpusTests(ITestOutputHelper output) => _output = output;

        private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

        private static string RepoRoot
        {
            get
            {
                for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
                {
                    if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                    {
                        return directory.FullName;
                    }
                }

                throw new InvalidOperationException("the repository root (Analyzers.sln) is not above " + AppContext.BaseDirectory);
            }
        }

        public static IEnumerable<object[]> CorpusCases()
            => Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(CorpusDirectory, path).Replace('\\', '/'))
                .Select(CaseOf)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => new object[] { name });

        private static string CaseOf(string relativePath)
        {
            var part = PartFile.Match(relativePath);
            return part.Success ? part.Groups["case"].Value : relativePath.Substring(0, relativePath.Length - ".cs".Length);
        }

        [Theory]
        [MemberData(nameof(CorpusCases))]
        public Task CorpusCase_SameDiagnosticsWithUnreachedBodiesErased(string name)
        {
            var files = Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(path => CaseOf(Path.GetRelativePath(CorpusDirectory, path).Replace('\\', '/')) == name)
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToArray();
            return AssertSameDiagnostics(name, Parse(CorpusDirectory, files));
        }

        [Fact]
        public Task WholeCorpus_SameDiagnosticsWithUnreachedBodiesErased()
        {
            var files = Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(path => path, StringComparer.Ordinal);
            var trees = Parse(CorpusDirectory, files).Where(tree => !HasTopLevelStatements(tree)).ToArray();
            return AssertSameDiagnostics("the whole corpus", trees);
        }

        [Fact]
        public Task NetfsSample_SameDiagnosticsWithUnreachedBodiesErased()
            => AssertSameDiagnostics("samples/Netfs", Sample("Netfs"), expectDiagnostics: true);

        [Fact]
        public Task NetfsFixedSample_SameDiagnosticsWithUnreachedBodiesErased()
            => AssertSameDiagnostics("samples/Netfs.Fixed", Sample("Netfs.Fixed", sharedFrom: "Netfs"));

        /// <summary>
        /// The comparison has teeth: keeping only the seeds (bodies with a lock or an annotation of
        /// their own) and erasing their callers loses the sample's call chains.
        /// </summary>
        [Fact]
        public async Task NetfsSample_ErasingCallersOfLocks_ChangesTheDiagnostics()
        {
            var compilation = Compile(Sample("Netfs"));
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var seedsOnly = BodyEraser.Erase(compilation, reach.IsSeed);

            var full = Describe(await AnalyzerRunner.RunAsync(compilation));
            var erased = Describe(await AnalyzerRunner.RunAsync(seedsOnly.Compilation));
            Assert.Contains(full, line => line.StartsWith("LL0003 ", StringComparison.Ordinal));
            Assert.NotEqual(full, erased);
        }

        private async Task AssertSameDiagnostics(string what, IReadOnlyList<SyntaxTree> trees, bool expectDiagnostics = false)
        {
            Assert.NotEmpty(trees);
            var compilation = Compile(trees);
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var erased = BodyEraser.Erase(compilation, reach.MayMatter);
            _output.WriteLine($"{what}: {reach.UnitCount} units, {reach.MatteringCount} may matter; {erased.Erased} bodies erased, {erased.Kept} kept");

            var full = Describe(await AnalyzerRunner.RunAsync(compilation));
            var withoutUnreached = Describe(await AnalyzerRunner.RunAsync(erased.Compilation));
            _output.WriteLine($"{full.Length} diagnostics");
            if (expectDiagnostics)
            {
                Assert.NotEmpty(full);
            }

            Assert.Equal(full, withoutUnreached);
        }

        private static Compilation Compile(IReadOnlyList<SyntaxTree> trees)
        {
            var outputKind = trees.Any(HasTopLevelStatements) || trees.Any(tree => tree.FilePath.EndsWith("Program.cs", StringComparison.Ordinal))
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            var compilation = AnalyzerRunner.CompileTrees(trees, outputKind);
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "does not compile:\n" + string.Join("\n", errors.Take(10)));
            return compilation;
        }

        /// <summary>Every LockLevels diagnostic, one a line and sorted: ID, file, span, message and every additional location.</summary>
        private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics
                .Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal))
                .Select(diagnostic => $"{diagnostic.Id} {Where(diagnostic.Location)} {diagnostic.GetMessage()}"
                    + string.Concat(diagnostic.AdditionalLocations.Select(location => " @" + Where(location))))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();

        private static string Where(Location location)
            => location.IsInSource ? $"{location.SourceTree!.FilePath}{location.SourceSpan}" : location.ToString();

        private static SyntaxTree[] Parse(string directory, IEnumerable<string> files)
            => files.Select(path => CSharpSyntaxTree.ParseText(
                    SourceText.From(File.ReadAllText(path)),
                    AnalyzerRunner.ParseOptions,
                    path: Path.GetRelativePath(directory, path).Replace('\\', '/')))
                .ToArray();

        /// <summary>A sample's sources; one that shares sources (Netfs.Fixed) takes the other's files it does not replace.</summary>
        private static SyntaxTree[] Sample(string name, string? sharedFrom = null)
        {
            var directory = Path.Combine(RepoRoot, "samples", name);
            var own = SourcesOf(directory);
            var files = own.Select(path => (Root: directory, Relative: path)).ToList();
            if (sharedFrom != null)
            {
                var shared = Path.Combine(RepoRoot, "samples", sharedFrom);
                files.AddRange(SourcesOf(shared).Where(path => !own.Contains(path)).Select(path => (Root: shared, Relative: path)));
            }

            return files.OrderBy(file => file.Relative, StringComparer.Ordinal)
                .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(Path.Combine(file.Root, file.Relative))), AnalyzerRunner.ParseOptions, path: file.Relative))
                .ToArray();
        }

        private static string[] SourcesOf(string directory)
            => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .ToArray();

        private static bool HasTopLevelStatements(SyntaxTree tree)
            => ((CompilationUnitSyntax)tree.GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();
    }
}
