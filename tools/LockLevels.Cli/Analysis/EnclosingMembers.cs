using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LockLevels.Cli.Analysis
{
    /// <summary>The member around a location: what keys a finding without line numbers, and where a stack line points.</summary>
    internal sealed record EnclosingMember(string DocumentationId, string DisplayName, string Namespace)
    {
        public static EnclosingMember None { get; } = new("", "", "");
    }

    /// <summary>Finds the member around locations of one compilation, with one semantic model per tree.</summary>
    internal sealed class EnclosingMembers
    {
        private static readonly SymbolDisplayFormat TypeAndMember = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
            genericsOptions: SymbolDisplayGenericsOptions.None);

        private readonly Compilation _compilation;
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

        public EnclosingMembers(Compilation compilation)
        {
            _compilation = compilation;
        }

        public EnclosingMember Of(Location location)
        {
            if (!location.IsInSource || location.SourceTree == null || !_compilation.ContainsSyntaxTree(location.SourceTree))
            {
                return EnclosingMember.None;
            }

            if (!_models.TryGetValue(location.SourceTree, out var model))
            {
                model = _compilation.GetSemanticModel(location.SourceTree);
                _models.Add(location.SourceTree, model);
            }

            // Lambdas and local functions have no documentation ID: the member that holds them keys the finding.
            ISymbol? symbol = model.GetEnclosingSymbol(location.SourceSpan.Start);
            while (symbol != null && (symbol is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction } || symbol.GetDocumentationCommentId() == null))
            {
                symbol = symbol.ContainingSymbol;
            }

            if (symbol == null || symbol is INamespaceSymbol { IsGlobalNamespace: true } || symbol is IAssemblySymbol or IModuleSymbol)
            {
                return new EnclosingMember("assembly", "assembly", "");
            }

            var ns = symbol is INamespaceSymbol self ? self : symbol.ContainingNamespace;
            return new EnclosingMember(
                symbol.GetDocumentationCommentId()!,
                symbol.ToDisplayString(TypeAndMember),
                ns == null || ns.IsGlobalNamespace ? "" : ns.ToDisplayString());
        }
    }
}
