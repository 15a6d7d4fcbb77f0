using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// Delegate fields and properties that no other assembly can reach and that the compilation only invokes,
    /// assigns or compares with null: a delegate stored in one runs only where it is invoked, so the method it
    /// was made from has no call sites but those (<see cref="EntryHeld"/>). Every reference of a candidate in the
    /// compilation is read once, binding only the names of candidates, and only where a candidate can be named.
    /// </summary>
    internal static class ClosedStorages
    {
        public static HashSet<ISymbol> Of(Compilation compilation, IEnumerable<ISymbol> candidates, CancellationToken cancellationToken)
        {
            var closed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                if (IsHiddenDelegate(candidate))
                {
                    closed.Add(candidate.OriginalDefinition);
                    names.Add(candidate.Name);
                }
            }

            if (closed.Count == 0)
            {
                return closed;
            }

            foreach (var (tree, roots) in SearchRoots(compilation, closed, names, cancellationToken))
            {
                SemanticModel? model = null;
                foreach (var root in roots)
                {
                    foreach (var node in root.DescendantNodes())
                    {
                        if (node is not IdentifierNameSyntax name || !names.Contains(name.Identifier.ValueText))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // References in other bodies than the one being analysed, bound once per candidate name.
                        model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        var info = model.GetSymbolInfo(name, cancellationToken);
                        if (info.Symbol is { } symbol)
                        {
                            if (!IsClosedUse(name))
                            {
                                closed.Remove(symbol.OriginalDefinition);
                            }

                            continue;
                        }

                        // Unbound or ambiguous: any candidate it may be is used in a way that cannot be read.
                        foreach (var candidate in info.CandidateSymbols)
                        {
                            closed.Remove(candidate.OriginalDefinition);
                        }
                    }
                }
            }

            return closed;
        }

        /// <summary>
        /// Where the candidates can be named: a private one only inside its type's declarations (nested types
        /// are in them), any other in every tree whose text spells one of the names. A declaration inside another
        /// one searched is left out.
        /// </summary>
        private static List<(SyntaxTree Tree, List<SyntaxNode> Roots)> SearchRoots(Compilation compilation, HashSet<ISymbol> candidates, HashSet<string> names,
            CancellationToken cancellationToken)
        {
            var searched = new List<(SyntaxTree, List<SyntaxNode>)>();
            var byTree = new Dictionary<SyntaxTree, List<SyntaxNode>>();
            foreach (var candidate in candidates)
            {
                if (candidate.DeclaredAccessibility != Accessibility.Private || candidate.ContainingType is not { } type)
                {
                    var spelling = new TextSearch(names);
                    foreach (var tree in compilation.SyntaxTrees)
                    {
                        if (spelling.MayNameAny(tree.GetText(cancellationToken)))
                        {
                            searched.Add((tree, new List<SyntaxNode>(1) { tree.GetRoot(cancellationToken) }));
                        }
                    }

                    return searched;
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (!byTree.TryGetValue(reference.SyntaxTree, out var roots))
                    {
                        byTree.Add(reference.SyntaxTree, roots = new List<SyntaxNode>());
                        searched.Add((reference.SyntaxTree, roots));
                    }

                    var declaration = reference.GetSyntax(cancellationToken);
                    if (!IsInsideAny(declaration, roots))
                    {
                        roots.RemoveAll(root => declaration.Span.Contains(root.Span));
                        roots.Add(declaration);
                    }
                }
            }

            return searched;
        }

        private static bool IsInsideAny(SyntaxNode declaration, List<SyntaxNode> roots)
        {
            foreach (var root in roots)
            {
                if (root.Span.Contains(declaration.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A field or auto-property (whose value is the one assigned) of a delegate type that only this assembly can name.</summary>
        private static bool IsHiddenDelegate(ISymbol storage)
        {
            var type = storage switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol { IsIndexer: false } property when Annotations.ThisEscape.IsAutoProperty(property) => property.Type,
                _ => null,
            };
            return type?.TypeKind == TypeKind.Delegate && storage.ContainingAssembly is ISourceAssemblySymbol && Annotations.Visibility.IsHiddenFromOtherAssemblies(storage);
        }

        /// <summary><c>S(...)</c>, <c>S.Invoke(...)</c>, <c>S?.Invoke(...)</c>, <c>S = d</c>, <c>S += d</c>, <c>S == null</c>, <c>S is null</c>, <c>nameof(S)</c>.</summary>
        private static bool IsClosedUse(IdentifierNameSyntax name)
        {
            ExpressionSyntax use = name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access,
                MemberBindingExpressionSyntax binding => binding,
                _ => name,
            };

            switch (use.Parent)
            {
                case InvocationExpressionSyntax invocation when invocation.Expression == use:
                    return true;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke", Parent: InvocationExpressionSyntax } invoke when invoke.Expression == use:
                    return true;
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == use:
                    return conditional.WhenNotNull is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Invoke" } };
                case AssignmentExpressionSyntax assignment when assignment.Left == use:
                    return assignment.Parent is ExpressionStatementSyntax;
                case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                    return (comparison.Left == use ? comparison.Right : comparison.Left).IsKind(SyntaxKind.NullLiteralExpression);
                case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } when constant.IsKind(SyntaxKind.NullLiteralExpression):
                    return true;
                case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: var negated } } } when negated.IsKind(SyntaxKind.NullLiteralExpression):
                    return true;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } }:
                    return true;
                default:
                    return false;
            }
        }
    }
}
