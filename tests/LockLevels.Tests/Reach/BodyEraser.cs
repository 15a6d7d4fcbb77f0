using System.Collections.Generic;
using System.Linq;
using LockLevels.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// Rewrites a compilation so that every body the first pass leaves out is empty: blocks become
    /// <c>{ }</c>, expression bodies and initializers <c>0</c>, constructor-initializer arguments <c>0</c>,
    /// and top-level statements blank. Erased text turns into spaces with every line break kept, so
    /// every position, line and column of the rest is unchanged and diagnostics compare as they are.
    /// Compile errors in erased bodies do not matter: the analyzers run on erroneous code, and a
    /// body's binding never depends on another's text.
    /// </summary>
    internal static class BodyEraser
    {
        public sealed class Result
        {
            public Result(Compilation compilation, int erased, int kept)
            {
                Compilation = compilation;
                Erased = erased;
                Kept = kept;
            }

            public Compilation Compilation { get; }

            public int Erased { get; }

            public int Kept { get; }
        }

        public static Result Erase(Compilation compilation, System.Func<SyntaxNode, bool> mayMatter)
        {
            int erased = 0, kept = 0;
            var result = compilation;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var changes = new List<TextChange>();
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    foreach (var span in ErasableSpans(node))
                    {
                        if (mayMatter(node))
                        {
                            kept++;
                        }
                        else
                        {
                            erased++;
                            changes.Add(Blank(tree.GetText(), span.Span, span.Keep));
                        }
                    }
                }

                if (changes.Count > 0)
                {
                    var text = tree.GetText().WithChanges(changes);
                    System.Diagnostics.Debug.Assert(text.Length == tree.GetText().Length);
                    result = result.ReplaceSyntaxTree(tree, tree.WithChangedText(text));
                }
            }

            return new Result(result, erased, kept);
        }

        /// <summary>A span to erase, and what to leave at its start (and, for a block, its closing brace).</summary>
        private readonly struct Erasable
        {
            public Erasable(TextSpan span, string keep)
            {
                Span = span;
                Keep = keep;
            }

            public TextSpan Span { get; }

            public string Keep { get; }
        }

        private static IEnumerable<Erasable> ErasableSpans(SyntaxNode node)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    foreach (var span in BodySpans(method.Body, method.ExpressionBody))
                    {
                        yield return span;
                    }

                    if (method is ConstructorDeclarationSyntax { Initializer: { } initializer })
                    {
                        foreach (var argument in initializer.ArgumentList.Arguments)
                        {
                            yield return new Erasable(argument.Expression.Span, "0");
                        }
                    }

                    break;
                case AccessorDeclarationSyntax accessor when !HandsOutAName(accessor):
                    foreach (var span in BodySpans(accessor.Body, accessor.ExpressionBody))
                    {
                        yield return span;
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    if (property.ExpressionBody != null && !IsName(property.ExpressionBody.Expression))
                    {
                        yield return new Erasable(property.ExpressionBody.Expression.Span, "0");
                    }

                    if (property.Initializer != null)
                    {
                        yield return new Erasable(property.Initializer.Value.Span, "0");
                    }

                    break;
                case IndexerDeclarationSyntax { ExpressionBody: { } indexerBody }:
                    yield return new Erasable(indexerBody.Expression.Span, "0");
                    break;
                case VariableDeclaratorSyntax { Initializer: { } fieldInitializer, Parent.Parent: BaseFieldDeclarationSyntax field }
                    when !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    // Constants are not bodies: attributes and other constants read them.
                    yield return new Erasable(fieldInitializer.Value.Span, "0");
                    break;
                case GlobalStatementSyntax global:
                    yield return new Erasable(global.Span, string.Empty);
                    break;
                case PrimaryConstructorBaseTypeSyntax primary:
                    foreach (var argument in primary.ArgumentList.Arguments)
                    {
                        yield return new Erasable(argument.Expression.Span, "0");
                    }

                    break;
            }
        }

        private static IEnumerable<Erasable> BodySpans(BlockSyntax? body, ArrowExpressionClauseSyntax? expressionBody)
        {
            if (body != null)
            {
                yield return new Erasable(body.Span, "{}");
            }

            if (expressionBody != null)
            {
                yield return new Erasable(expressionBody.Expression.Span, "0");
            }
        }

        /// <summary>
        /// A getter that only hands out a name (<c>get => _sync;</c>, <c>get { return this._sync; }</c>) is
        /// kept: the engine reads that syntax to tie the property to its field, and it calls nothing.
        /// </summary>
        private static bool HandsOutAName(AccessorDeclarationSyntax accessor)
            => accessor.IsKind(SyntaxKind.GetAccessorDeclaration)
                && (accessor.ExpressionBody is { } arrow ? IsName(arrow.Expression)
                    : accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned } && IsName(returned));

        private static bool IsName(ExpressionSyntax expression)
            => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax };

        /// <summary>
        /// The span turned into spaces with its line breaks kept; a block keeps its braces (its first
        /// and last characters), anything else starts with <paramref name="keep"/>.
        /// </summary>
        private static TextChange Blank(SourceText text, TextSpan span, string keep)
        {
            var original = text.ToString(span);
            var blank = new char[original.Length];
            for (int i = 0; i < blank.Length; i++)
            {
                blank[i] = original[i] is '\r' or '\n' ? original[i] : ' ';
            }

            if (keep == "{}")
            {
                blank[0] = '{';
                blank[blank.Length - 1] = '}';
            }
            else
            {
                for (int i = 0; i < keep.Length; i++)
                {
                    blank[i] = keep[i];
                }
            }

            return new TextChange(span, new string(blank));
        }
    }
}
