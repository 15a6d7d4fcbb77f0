using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LockLevels.Bench;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The code the first pass is checked on: the test corpus (case by case and whole), the samples and
    /// generated bench codebases; and diagnostics described for comparison, one a line.
    /// </summary>
    internal static class ReachSources
    {
        private static readonly Regex PartFile = new(@"^(?<case>.+)\.part\d+\.cs$", RegexOptions.CultureInvariant);

        private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

        /// <summary>Every corpus case (a file, or the parts of one) under Corpus/, its subdirectories included.</summary>
        public static IEnumerable<object[]> CorpusCases()
            => Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
                .Select(path => CaseOf(Relative(path)))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => new object[] { name });

        public static SyntaxTree[] CorpusCase(string name)
            => Parse(Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.AllDirectories)
                .Where(path => CaseOf(Relative(path)) == name)
                .OrderBy(path => path, StringComparer.Ordinal));

        /// <summary>Corpus/*.cs in one compilation, without the file with top-level statements.</summary>
        public static SyntaxTree[] WholeCorpus()
            => Parse(Directory.GetFiles(CorpusDirectory, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(path => path, StringComparer.Ordinal))
                .Where(tree => !HasTopLevelStatements(tree))
                .ToArray();

        /// <summary>A sample's sources; one that shares sources (Netfs.Fixed) takes the other's files it does not replace.</summary>
        public static SyntaxTree[] Sample(string name, string? sharedFrom = null)
        {
            var directory = RepositoryPaths.Of("samples/" + name);
            var own = SourcesOf(directory);
            var files = own.Select(path => (Root: directory, Relative: path)).ToList();
            if (sharedFrom != null)
            {
                var shared = RepositoryPaths.Of("samples/" + sharedFrom);
                files.AddRange(SourcesOf(shared).Where(path => !own.Contains(path)).Select(path => (Root: shared, Relative: path)));
            }

            return files.OrderBy(file => file.Relative, StringComparer.Ordinal)
                .Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(Path.Combine(file.Root, file.Relative))), AnalyzerRunner.ParseOptions, path: file.Relative))
                .ToArray();
        }

        /// <summary>A bench codebase with many planted bugs, so a small one has findings of every kind to lose.</summary>
        public static SyntaxTree[] Generated(CodebaseShape shape, int methods, bool unannotated = false)
        {
            var codebase = CodebaseGenerator.Generate(new GeneratorOptions
            {
                Methods = methods,
                Shape = shape,
                LockDensity = GeneratorOptions.DefaultDensity(shape),
                InversionRate = 0.3,
                Unannotated = unannotated,
            });
            return codebase.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, AnalyzerRunner.ParseOptions, path: file.Path)).ToArray();
        }

        /// <summary>The trees compiled (an executable when one has top-level statements or is Program.cs), which must have no errors.</summary>
        public static Compilation Compile(IReadOnlyList<SyntaxTree> trees)
        {
            Assert.NotEmpty(trees);
            var outputKind = trees.Any(HasTopLevelStatements) || trees.Any(tree => tree.FilePath.EndsWith("Program.cs", StringComparison.Ordinal))
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
            var compilation = AnalyzerRunner.CompileTrees(trees, outputKind);
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "does not compile:\n" + string.Join("\n", errors.Take(10)));
            return compilation;
        }

        /// <summary>Every LockLevels diagnostic, one a line and sorted: ID, file, span, message and every additional location.</summary>
        public static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics
                .Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal))
                .Select(diagnostic => $"{diagnostic.Id} {Where(diagnostic.Location)} {diagnostic.GetMessage()}"
                    + string.Concat(diagnostic.AdditionalLocations.Select(location => " @" + Where(location))))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();

        public static string Where(Location location)
            => location.IsInSource ? $"{location.SourceTree!.FilePath}{location.SourceSpan}" : location.ToString();

        private static string Relative(string path) => Path.GetRelativePath(CorpusDirectory, path).Replace('\\', '/');

        private static string CaseOf(string relativePath)
        {
            var part = PartFile.Match(relativePath);
            return part.Success ? part.Groups["case"].Value : relativePath.Substring(0, relativePath.Length - ".cs".Length);
        }

        private static SyntaxTree[] Parse(IEnumerable<string> files)
            => files.Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), AnalyzerRunner.ParseOptions, path: Relative(path))).ToArray();

        private static string[] SourcesOf(string directory)
            => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .ToArray();

        private static bool HasTopLevelStatements(SyntaxTree tree)
            => ((CompilationUnitSyntax)tree.GetRoot()).Members.OfType<GlobalStatementSyntax>().Any();
    }
}
