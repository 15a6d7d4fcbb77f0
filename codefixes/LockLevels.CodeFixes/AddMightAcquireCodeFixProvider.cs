using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LockLevels.CodeFixes
{
    /// <summary>LL0007: declare the levels a public method takes with [MightAcquire], so summaries cross assembly boundaries.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMightAcquireCodeFixProvider)), Shared]
    public sealed class AddMightAcquireCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndeclaredAcquisition);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var token = root?.FindToken(diagnostic.Location.SourceSpan.Start);
                SyntaxNode? member = (SyntaxNode?)token?.Parent?.FirstAncestorOrSelf<AccessorDeclarationSyntax>() ?? token?.Parent?.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
                var exclusive = Levels(diagnostic, UndeclaredLevels.Exclusive);
                var shared = Levels(diagnostic, UndeclaredLevels.Shared);
                if (member == null || exclusive.Count + shared.Count == 0)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare [MightAcquire({string.Join(", ", exclusive.Concat(shared).Select(level => "\"" + level + "\""))})]",
                        cancellationToken => AddAsync(context.Document, member, exclusive, shared, cancellationToken),
                        nameof(AddMightAcquireCodeFixProvider)),
                    diagnostic);
            }
        }

        private static List<string> Levels(Diagnostic diagnostic, string key)
            => diagnostic.Properties.TryGetValue(key, out var levels) && !string.IsNullOrEmpty(levels)
                ? levels!.Split(',').ToList()
                : new List<string>();

        private static async Task<Document> AddAsync(Document document, SyntaxNode member, List<string> exclusive, List<string> shared, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var endOfLine = DocumentNewLine.Of(root);
            var lists = new List<AttributeListSyntax>();
            if (exclusive.Count > 0)
            {
                lists.Add(AttributeList(exclusive, shared: false, endOfLine));
            }

            if (shared.Count > 0)
            {
                lists.Add(AttributeList(shared, shared: true, endOfLine));
            }

            var existing = member is AccessorDeclarationSyntax accessor ? accessor.AttributeLists : ((BaseMethodDeclarationSyntax)member).AttributeLists;
            var combined = existing.AddRange(lists);
            var updated = existing.Count == 0
                // The attribute takes the member's place at the start of its line; the member moves below it.
                ? WithAttributes(member.WithoutLeadingTrivia(), combined).WithLeadingTrivia(member.GetLeadingTrivia())
                : WithAttributes(member, combined);

            var newRoot = root.ReplaceNode(member, updated.WithAdditionalAnnotations(Formatter.Annotation));
            var result = document.WithSyntaxRoot(newRoot);
            result = await Simplifier.ReduceAsync(result, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static SyntaxNode WithAttributes(SyntaxNode member, SyntaxList<AttributeListSyntax> lists)
            => member is AccessorDeclarationSyntax accessor
                ? accessor.WithAttributeLists(lists)
                : ((BaseMethodDeclarationSyntax)member).WithAttributeLists(lists);

        private static AttributeListSyntax AttributeList(List<string> levels, bool shared, SyntaxTrivia endOfLine)
        {
            var arguments = levels.Select(level => SyntaxFactory.AttributeArgument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(level)))).ToList();
            if (shared)
            {
                arguments.Add(SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression))
                    .WithNameEquals(SyntaxFactory.NameEquals("Shared")));
            }

            var name = SyntaxFactory.ParseName("LockLevels.MightAcquire").WithAdditionalAnnotations(Simplifier.Annotation);
            return SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)))))
                .WithTrailingTrivia(endOfLine);
        }
    }
}
