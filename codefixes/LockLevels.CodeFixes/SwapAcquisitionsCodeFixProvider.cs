using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// LL0001: when the inner level's block directly holds the outer level's block (lock or using,
    /// nothing else in between), swap the two openings so the outer level is taken first.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapAcquisitionsCodeFixProvider)), Shared]
    public sealed class SwapAcquisitionsCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LockOrderInversion);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var inner = BlockOpenedBy(root, diagnostic.Location);
                var outer = BlockOpenedBy(root, diagnostic.AdditionalLocations[0]);
                if (inner == null || outer == null || !DirectlyHolds(outer, inner))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Take the outer level first",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(outer, Swap(outer, inner)))),
                        nameof(SwapAcquisitionsCodeFixProvider)),
                    diagnostic);
            }
        }

        /// <summary>The lock or using statement whose opening is the acquisition at <paramref name="location"/>.</summary>
        private static StatementSyntax? BlockOpenedBy(SyntaxNode root, Location location)
        {
            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            foreach (var statement in node.AncestorsAndSelf().OfType<StatementSyntax>())
            {
                var opening = statement switch
                {
                    LockStatementSyntax lockStatement => lockStatement.Expression,
                    UsingStatementSyntax usingStatement => (SyntaxNode?)usingStatement.Expression ?? usingStatement.Declaration,
                    _ => null,
                };

                if (opening != null && opening.Span.Contains(location.SourceSpan))
                {
                    return statement;
                }

                if (statement is not ExpressionStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        private static StatementSyntax Body(StatementSyntax statement) => statement switch
        {
            LockStatementSyntax lockStatement => lockStatement.Statement,
            UsingStatementSyntax usingStatement => usingStatement.Statement,
            _ => statement,
        };

        private static StatementSyntax WithBody(StatementSyntax statement, StatementSyntax body) => statement switch
        {
            LockStatementSyntax lockStatement => lockStatement.WithStatement(body),
            UsingStatementSyntax usingStatement => usingStatement.WithStatement(body),
            _ => statement,
        };

        private static bool DirectlyHolds(StatementSyntax outer, StatementSyntax inner)
        {
            var body = Body(outer);
            return body == inner || (body is BlockSyntax block && block.Statements.Count == 1 && block.Statements[0] == inner);
        }

        private static StatementSyntax Swap(StatementSyntax outer, StatementSyntax inner)
        {
            // The inner opening moves out and the outer opening in; bodies, braces and trivia stay where they were.
            var newInner = WithBody(outer, Body(inner)).WithTriviaFrom(inner);
            var outerBody = Body(outer);
            var newOuterBody = outerBody == inner ? newInner : outerBody.ReplaceNode(inner, newInner);
            return WithBody(inner, newOuterBody).WithTriviaFrom(outer).WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
