using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// The members and statements the long-term claim fix adds, built as syntax (no source text to parse):
    /// the claim field, the statements that take and drop the claim, and a constructor or Dispose() to hold
    /// them when the type has none. Each is laid out with the document's own line ending (the formatter
    /// would otherwise break lines with its default one), then indented by the formatter; the simplifier
    /// reduces the names in the added members (System.IDisposable to IDisposable under `using System;`).
    /// </summary>
    internal static class ClaimMembers
    {
        /// <summary><c>System.IDisposable</c>, to be simplified.</summary>
        public static TypeSyntax DisposableType()
            => SyntaxFactory.QualifiedName(SyntaxFactory.IdentifierName("System"), SyntaxFactory.IdentifierName("IDisposable"))
                .WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary><c>private System.IDisposable? name;</c> (without the <c>?</c> outside a nullable context).</summary>
        public static MemberDeclarationSyntax Field(string name, bool nullableAnnotations, string newLine)
        {
            var type = nullableAnnotations ? SyntaxFactory.NullableType(DisposableType()) : DisposableType();
            return SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(type, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name))))
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword)))
                .NormalizeWhitespace(eol: newLine)
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        }

        /// <summary><c>field = receiver.Claim();</c></summary>
        public static StatementSyntax Take(string field, ExpressionSyntax receiver, string claim, string newLine)
            => SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(field),
                        SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(claim)))))
                .NormalizeWhitespace(eol: newLine)
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>field?.Dispose();</c></summary>
        public static StatementSyntax Drop(string field, string newLine)
            => SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.ConditionalAccessExpression(
                        SyntaxFactory.IdentifierName(field),
                        SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(SyntaxFactory.IdentifierName("Dispose")))))
                .NormalizeWhitespace(eol: newLine)
                .WithAdditionalAnnotations(Formatter.Annotation);

        /// <summary><c>public TypeName() { body }</c>, after a blank line.</summary>
        public static MemberDeclarationSyntax Constructor(string typeName, StatementSyntax body, string newLine)
            => Spaced(
                SyntaxFactory.ConstructorDeclaration(SyntaxFactory.Identifier(typeName))
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
                    .WithBody(SyntaxFactory.Block(body)),
                newLine);

        /// <summary><c>public void Dispose() { body }</c>, after a blank line.</summary>
        public static MemberDeclarationSyntax Dispose(StatementSyntax body, string newLine)
            => Spaced(
                SyntaxFactory.MethodDeclaration(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)), "Dispose")
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
                    .WithBody(SyntaxFactory.Block(body)),
                newLine);

        /// <summary>The member on lines of its own, after a blank line.</summary>
        private static MemberDeclarationSyntax Spaced(MemberDeclarationSyntax member, string newLine)
            => member.NormalizeWhitespace(eol: newLine)
                .WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine))
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }
}
