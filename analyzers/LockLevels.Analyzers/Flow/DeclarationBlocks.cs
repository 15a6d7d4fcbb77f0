using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The code blocks of a tree as the analyzer driver would hand them to code-block actions (the
    /// declaration and the symbol that owns it), found by a walk of the declarations alone, not of the
    /// bodies: one semantic-model action per tree then visits only the blocks the first pass keeps, and
    /// the driver does no per-declaration work for LockLevels.
    /// </summary>
    internal static class DeclarationBlocks
    {
        public static void Collect(SemanticModel model, List<(SyntaxNode Block, ISymbol Owner)> blocks, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)model.SyntaxTree.GetRoot(cancellationToken);
            foreach (var member in root.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    // Top-level statements: one block, the compilation unit, owned by the entry point.
                    if (model.GetDeclaredSymbol(root, cancellationToken) is { } entryPoint)
                    {
                        blocks.Add((root, entryPoint));
                    }

                    break;
                }
            }

            AddMembers(model, root.Members, blocks, cancellationToken);
        }

        private static void AddMembers(SemanticModel model, SyntaxList<MemberDeclarationSyntax> members, List<(SyntaxNode, ISymbol)> blocks, CancellationToken cancellationToken)
        {
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax @namespace:
                        AddMembers(model, @namespace.Members, blocks, cancellationToken);
                        break;
                    case TypeDeclarationSyntax type:
                        Add(model, type, blocks, cancellationToken);
                        AddMembers(model, type.Members, blocks, cancellationToken);
                        break;
                    case EnumDeclarationSyntax @enum:
                        foreach (var value in @enum.Members)
                        {
                            Add(model, value, blocks, cancellationToken);
                        }

                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
                            {
                                blocks.Add((field, symbol));
                            }
                        }

                        break;
                    case BasePropertyDeclarationSyntax property:
                        Add(model, property, blocks, cancellationToken);
                        if (property.AccessorList != null)
                        {
                            foreach (var accessor in property.AccessorList.Accessors)
                            {
                                Add(model, accessor, blocks, cancellationToken);
                            }
                        }

                        if (property is PropertyDeclarationSyntax { ExpressionBody: { } propertyArrow } expressionBodied)
                        {
                            AddArrow(model, expressionBodied, propertyArrow, blocks, cancellationToken);
                        }
                        else if (property is IndexerDeclarationSyntax { ExpressionBody: { } indexerArrow } indexer)
                        {
                            AddArrow(model, indexer, indexerArrow, blocks, cancellationToken);
                        }

                        break;
                    case GlobalStatementSyntax:
                        break;
                    default:
                        Add(model, member, blocks, cancellationToken);
                        break;
                }
            }
        }

        /// <summary>An expression-bodied property's or indexer's body is its getter's block.</summary>
        private static void AddArrow(SemanticModel model, BasePropertyDeclarationSyntax property, ArrowExpressionClauseSyntax arrow, List<(SyntaxNode, ISymbol)> blocks, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol { GetMethod: { } getter })
            {
                blocks.Add((arrow, getter));
            }
        }

        private static void Add(SemanticModel model, SyntaxNode declaration, List<(SyntaxNode, ISymbol)> blocks, CancellationToken cancellationToken)
        {
            var symbol = declaration is TypeDeclarationSyntax { ParameterList: not null } type
                ? PrimaryConstructor(model, type, cancellationToken)
                : model.GetDeclaredSymbol(declaration, cancellationToken);
            if (symbol != null)
            {
                blocks.Add((declaration, symbol));
            }
        }

        private static ISymbol? PrimaryConstructor(SemanticModel model, TypeDeclarationSyntax type, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(type, cancellationToken) is not INamedTypeSymbol named)
            {
                return null;
            }

            foreach (var constructor in named.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span)
                    {
                        return constructor;
                    }
                }
            }

            return named;
        }
    }
}
