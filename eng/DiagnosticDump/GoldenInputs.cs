using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LockLevels.DiagnosticDump
{
    /// <summary>One compilation to analyze, and the label its diagnostics are printed under.</summary>
    internal sealed record GoldenInput(string Label, CSharpCompilation Compilation);

    /// <summary>
    /// The golden inputs, compiled the way the tests and the bench compile them, so a diagnostic here is
    /// one a test or the bench sees: tree paths, parse options, output kinds and compilation names mirror
    /// tests/Netfs.Tests/SampleDiagnosticsTests.cs, tests/LockLevels.Tests/Robustness/CorpusTests.cs,
    /// tests/LockLevels.Tests/Unannotated/CorpusInversionTests.cs and bench/LockLevels.Bench/Harness.cs.
    /// </summary>
    internal static class GoldenInputs
    {
        private static readonly Regex PartFile = new(@"^(?<case>.+)\.part\d+\.cs$", RegexOptions.CultureInvariant);

        // Tests: AnalyzerRunner.ParseOptions; samples and bench: LanguageVersion.Latest.
        private static readonly CSharpParseOptions TestParseOptions = new(LanguageVersion.Preview);
        private static readonly CSharpParseOptions SampleParseOptions = new(LanguageVersion.Latest);

        public static IEnumerable<GoldenInput> All(string sourceRoot, string? benchDirectory, ImmutableArray<MetadataReference> references)
        {
            var samples = Path.Combine(sourceRoot, "samples");
            yield return Sample("samples/Netfs", Path.Combine(samples, "Netfs"), sharedFrom: null, references);
            yield return Sample("samples/Netfs.Fixed", Path.Combine(samples, "Netfs.Fixed"), sharedFrom: Path.Combine(samples, "Netfs"), references);

            foreach (var input in Corpus(Path.Combine(sourceRoot, "tests", "LockLevels.Tests", "Corpus"), references))
            {
                yield return input;
            }

            if (benchDirectory != null)
            {
                yield return Bench(benchDirectory, references);
            }
        }

        /// <summary>A sample's own sources, plus those of the sample it shares from that it does not replace.</summary>
        private static GoldenInput Sample(string label, string directory, string? sharedFrom, ImmutableArray<MetadataReference> references)
        {
            var own = SourcesOf(directory);
            var shared = sharedFrom == null ? Array.Empty<string>() : SourcesOf(sharedFrom).Where(path => !own.Contains(path)).ToArray();
            var trees = own.Select(path => (full: Path.Combine(directory, path), relative: path))
                .Concat(shared.Select(path => (full: Path.Combine(sharedFrom!, path), relative: path)))
                .OrderBy(file => file.relative, StringComparer.Ordinal)
                .Select(file => Parse(file.full, file.relative, SampleParseOptions));
            var compilation = CSharpCompilation.Create(
                Path.GetFileName(directory),
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            return new GoldenInput(label, compilation);
        }

        /// <summary>
        /// Corpus/*.cs one case at a time (Name.partN.cs files together), the whole of Corpus/*.cs in one
        /// compilation (without the file with top-level statements), and each file of a subdirectory alone.
        /// </summary>
        private static IEnumerable<GoldenInput> Corpus(string directory, ImmutableArray<MetadataReference> references)
        {
            var files = Directory.GetFiles(directory, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(path => path, StringComparer.Ordinal).ToArray();
            foreach (var group in files.GroupBy(CaseOf, StringComparer.Ordinal))
            {
                yield return CorpusInput("corpus " + group.Key, group.Select(path => Parse(path, Path.GetFileName(path), TestParseOptions)).ToArray(), references);
            }

            var whole = files.Select(path => Parse(path, Path.GetFileName(path), TestParseOptions)).Where(tree => !HasTopLevelStatements(tree)).ToArray();
            yield return CorpusInput("corpus (all in one)", whole, references);

            foreach (var subdirectory in Directory.GetDirectories(directory).OrderBy(path => path, StringComparer.Ordinal))
            {
                foreach (var path in Directory.GetFiles(subdirectory, "*.cs", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(path);
                    yield return CorpusInput("corpus " + Path.GetFileName(subdirectory) + "/" + name, new[] { Parse(path, name, TestParseOptions) }, references);
                }
            }
        }

        /// <summary>As AnalyzerRunner.CompileTrees: unsafe allowed, an executable when a file has top-level statements.</summary>
        private static GoldenInput CorpusInput(string label, IReadOnlyList<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        {
            var outputKind = trees.Any(HasTopLevelStatements) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = CSharpCompilation.Create(
                "TestAssembly",
                trees,
                references,
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            return new GoldenInput(label, compilation);
        }

        /// <summary>Sources written by the bench (--write DIR/N), compiled as Harness.Compile does.</summary>
        private static GoldenInput Bench(string directory, ImmutableArray<MetadataReference> references)
        {
            var trees = SourcesOf(directory)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => Parse(Path.Combine(directory, path), path, SampleParseOptions));
            var compilation = CSharpCompilation.Create(
                "Fs.Synthetic",
                trees,
                references,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Enable,
                    concurrentBuild: true,
                    deterministic: true));
            return new GoldenInput("bench", compilation);
        }

        private static string CaseOf(string path)
        {
            var fileName = Path.GetFileName(path);
            var part = PartFile.Match(fileName);
            return part.Success ? part.Groups["case"].Value : Path.GetFileNameWithoutExtension(fileName);
        }

        private static string[] SourcesOf(string directory)
            => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .ToArray();

        private static SyntaxTree Parse(string fullPath, string treePath, CSharpParseOptions options)
            => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(fullPath)), options, path: treePath);

        private static bool HasTopLevelStatements(SyntaxTree tree)
            => ((CompilationUnitSyntax)tree.GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();
    }
}
