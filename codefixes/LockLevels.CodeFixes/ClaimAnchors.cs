using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// Where the long-term claim fix hooks into a type: the release that pairs with a per-call acquisition,
    /// the set-up that takes the claim and the tear-down that drops it. Annotations are read with the
    /// analyzers' own readers (<see cref="LockSymbols"/>, <see cref="AnnotationReader"/>), so the fix sees
    /// [Releases], [LockSetup] and [LockTeardown] exactly as the diagnostics do.
    /// </summary>
    internal sealed class ClaimAnchors
    {
        private readonly SemanticModel _model;
        private readonly LockSymbols _symbols;
        private readonly AnnotationReader _annotations;

        public ClaimAnchors(SemanticModel model)
        {
            _model = model;
            _symbols = LockSymbols.Create(model.Compilation);
            _annotations = new AnnotationReader(_symbols);
        }

        /// <summary>The first statement after the acquisition that calls a [Releases(level)] method on the same receiver.</summary>
        public SyntaxNode? FindRelease(MemberDeclarationSyntax member, StatementSyntax acquisition, ExpressionSyntax receiver, string level, CancellationToken cancellationToken)
        {
            foreach (var candidate in member.DescendantNodes().OfType<ExpressionStatementSyntax>())
            {
                if (candidate.SpanStart <= acquisition.SpanStart
                    || candidate.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                    || !SyntaxFactory.AreEquivalent(access.Expression.WithoutTrivia(), receiver))
                {
                    continue;
                }

                if (_model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method && _annotations.ForMethod(method).ReleasesLevel(level))
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>The [LockSetup] methods of the declaration, else its instance constructors that do not chain to this(...).</summary>
        public List<SyntaxNode> Setups(TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            var marked = MethodsWith(type, _symbols.LockSetup, cancellationToken);
            if (marked.Count > 0)
            {
                return marked;
            }

            return type.Members.OfType<ConstructorDeclarationSyntax>()
                .Where(constructor => !constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && constructor.Initializer?.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword) != true)
                .Cast<SyntaxNode>()
                .ToList();
        }

        /// <summary>The first [LockTeardown] method of the declaration, else its public Dispose(), else its explicit IDisposable.Dispose().</summary>
        public SyntaxNode? Teardown(TypeDeclarationSyntax type, INamedTypeSymbol typeSymbol, CancellationToken cancellationToken)
        {
            var marked = MethodsWith(type, _symbols.LockTeardown, cancellationToken);
            if (marked.Count > 0)
            {
                return marked[0];
            }

            return type.Members.OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(method => method.Identifier.ValueText == "Dispose" && method.ParameterList.Parameters.Count == 0 && method.ExplicitInterfaceSpecifier == null)
                ?? DisposeImplementation(type, typeSymbol, cancellationToken);
        }

        /// <summary>An explicit IDisposable.Dispose() in this declaration.</summary>
        private SyntaxNode? DisposeImplementation(TypeDeclarationSyntax type, INamedTypeSymbol typeSymbol, CancellationToken cancellationToken)
        {
            var dispose = _symbols.IDisposable.GetMembers("Dispose").FirstOrDefault();
            var implementation = dispose == null ? null : typeSymbol.FindImplementationForInterfaceMember(dispose);
            foreach (var reference in implementation?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (syntax.Parent == type)
                {
                    return syntax;
                }
            }

            return null;
        }

        private List<SyntaxNode> MethodsWith(TypeDeclarationSyntax type, INamedTypeSymbol? attributeType, CancellationToken cancellationToken)
        {
            var result = new List<SyntaxNode>();
            if (attributeType == null)
            {
                return result;
            }

            foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
            {
                if (method.AttributeLists.Count == 0)
                {
                    continue;
                }

                var symbol = _model.GetDeclaredSymbol(method, cancellationToken);
                if (symbol != null && symbol.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)))
                {
                    result.Add(method);
                }
            }

            return result;
        }
    }
}
