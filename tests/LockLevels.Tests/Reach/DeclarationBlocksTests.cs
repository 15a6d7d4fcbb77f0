using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Analyzers.Flow;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The declaration walk finds the same code blocks, with the same owners, as the driver hands to a
    /// code-block action, over the whole corpus: the per-tree analysis sees the bodies the per-declaration one did.
    /// </summary>
    public class DeclarationBlocksTests
    {
        // Given to the driver directly, so it carries no [DiagnosticAnalyzer]: that would make the test
        // project a compiler extension (RS1036, RS1038, RS1041).
#pragma warning disable RS1001 // A test double, never loaded by a compiler.
        private sealed class CodeBlockRecorder : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
            public ConcurrentBag<string> Blocks { get; } = new();

            // The driver skips an analyzer that can report nothing.
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
                new DiagnosticDescriptor("TEST0001", "code block", "code block", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCodeBlockAction(block =>
                {
                    foreach (var root in Roots(block.SemanticModel, block.CodeBlock, block.OwningSymbol))
                    {
                        Blocks.Add(root);
                    }
                });
            }
        }

        /// <summary>What the engine analyses of a code block: each operation root with a control flow graph, and its owner.</summary>
        private static IEnumerable<string> Roots(SemanticModel model, SyntaxNode declaration, ISymbol owner)
        {
            var blocks = new List<SyntaxNode>();
            BodyRoots.Collect(declaration, owner, blocks);
            foreach (var block in blocks)
            {
                if (model.GetOperation(block) is { } operation && BodyRoots.RootOf(operation) is var root && BodyRoots.HasControlFlowGraph(root))
                {
                    yield return $"{block.SyntaxTree.FilePath}:{root.Syntax.Span} {root.Syntax.Kind()} {owner.Kind} {owner.ToDisplayString()}";
                }
            }
        }

        private static IEnumerable<string> CorpusFiles()
            => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.cs", SearchOption.AllDirectories).OrderBy(path => path, StringComparer.Ordinal);

        [Fact]
        public async Task DeclarationWalk_FindsTheDriversCodeBlocks()
        {
            var mismatches = new List<string>();
            foreach (var path in CorpusFiles())
            {
                var tree = CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), AnalyzerRunner.ParseOptions, path: Path.GetFileName(path));
                bool topLevel = ((Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot()).Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
                var compilation = AnalyzerRunner.CompileTrees(new[] { tree }, topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
                var recorder = new CodeBlockRecorder();
                await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(recorder)).GetAnalyzerDiagnosticsAsync();

                var walked = new List<(SyntaxNode Block, ISymbol Owner)>();
                DeclarationBlocks.Collect(compilation.GetSemanticModel(tree), walked, default);
                var expected = recorder.Blocks.OrderBy(line => line, StringComparer.Ordinal).ToArray();
                var model = compilation.GetSemanticModel(tree);
                var actual = walked.SelectMany(pair => Roots(model, pair.Block, pair.Owner)).OrderBy(line => line, StringComparer.Ordinal).ToArray();
                mismatches.AddRange(expected.Except(actual).Select(line => "only the driver: " + line));
                mismatches.AddRange(actual.Except(expected).Select(line => "only the walk: " + line));
            }

            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
    }
}
