using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// Helpers that point back at the object that made them: a buffer made as <c>new WriteBuffer(this)</c>
    /// that keeps its maker in <c>Connector</c>. Through such a pair the maker's locks are reached from the
    /// helper and back, and they are still the maker's own; without it, every call through the helper looks
    /// like one on some other object. Read from declarations and their assignments only.
    /// </summary>
    internal static class OwnerLinks
    {
        private const int MaxChainedConstructors = 4;

        /// <summary>
        /// The one member of <paramref name="type"/> or its source bases that only ever holds a constructor's
        /// argument (<c>Connector = connector</c>), assigned nowhere but in constructors; null when there is no
        /// such member or more than one (which of them is "the owner" could not be told).
        /// </summary>
        public static ISymbol? BackPointerOf(INamedTypeSymbol type)
        {
            ISymbol? found = null;
            for (var current = type; current is { DeclaringSyntaxReferences.IsEmpty: false }; current = current.BaseType)
            {
                var writes = Writes.Of(current);
                foreach (var member in current.GetMembers())
                {
                    if (!IsBackPointerCandidate(member) || !writes.AllFromConstructorParameters(member.Name))
                    {
                        continue;
                    }

                    if (found != null)
                    {
                        return null;
                    }

                    found = member;
                }
            }

            return found;
        }

        /// <summary>
        /// Whether every object <paramref name="member"/> ever holds is a helper made by its own object with
        /// itself as the helper's owner (<c>WriteBuffer = new WriteBuffer(this, ...)</c>), or null: then a call on
        /// <c>this.WriteBuffer</c> runs on a helper whose owner is the caller's own object.
        /// </summary>
        public static bool IsOwnedHelper(ISymbol member, Compilation compilation, System.Func<INamedTypeSymbol, ISymbol?> backPointerOf)
        {
            if (member.IsStatic || member.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } owner || !IsAssignedOnlyByItsType(member)
                || HasInitializer(member))
            {
                return false;
            }

            var values = Writes.Of(owner).ValuesOf(member.Name);
            if (values == null)
            {
                return false;
            }

            bool made = false;
            foreach (var value in values)
            {
                if (IsNothing(value))
                {
                    continue;
                }

                if (value is not BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation
                    || compilation.GetSemanticModel(creation.SyntaxTree).GetSymbolInfo(creation).Symbol is not IMethodSymbol constructor
                    || backPointerOf(constructor.ContainingType) is not { } backPointer
                    || ArgumentFor(arguments, constructor, OwnerParameter(constructor, backPointer, compilation, 0)) is not ThisExpressionSyntax)
                {
                    return false;
                }

                made = true;
            }

            return made;
        }

        private static bool IsBackPointerCandidate(ISymbol member)
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || HasInitializer(member))
            {
                return false;
            }

            return member switch
            {
                IFieldSymbol field => field.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface, DeclaringSyntaxReferences.IsEmpty: false }
                    && (field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private),
                IPropertySymbol property => property.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface, DeclaringSyntaxReferences.IsEmpty: false }
                    && ThisEscape.IsAutoProperty(property) && property.SetMethod is null or { DeclaredAccessibility: Accessibility.Private, IsInitOnly: false },
                _ => false,
            };
        }

        private static bool IsAssignedOnlyByItsType(ISymbol member)
            => member switch
            {
                IFieldSymbol field => field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private,
                IPropertySymbol property => ThisEscape.IsAutoProperty(property) && property.SetMethod is null or { DeclaredAccessibility: Accessibility.Private, IsInitOnly: false },
                _ => false,
            };

        private static bool HasInitializer(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (initializer != null && !IsNothing(initializer))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>null</c>, <c>default</c>, <c>null!</c>: no object, so no call on it gets anywhere.</summary>
        private static bool IsNothing(ExpressionSyntax value)
            => value switch
            {
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: var operand } => IsNothing(operand),
                LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression),
                DefaultExpressionSyntax => true,
                _ => false,
            };

        /// <summary>
        /// The ordinal of the constructor parameter the back-pointer is set from, through <c>: this(...)</c> and
        /// <c>: base(...)</c>; -1 when the constructor may set it otherwise or not at all.
        /// </summary>
        private static int OwnerParameter(IMethodSymbol constructor, ISymbol backPointer, Compilation compilation, int depth)
        {
            if (depth > MaxChainedConstructors || constructor.DeclaringSyntaxReferences.Length != 1
                || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not ConstructorDeclarationSyntax declaration)
            {
                return -1;
            }

            if (SymbolEqualityComparer.Default.Equals(constructor.ContainingType, backPointer.ContainingType))
            {
                string? assigned = Writes.ParameterAssignedIn(declaration, backPointer.Name);
                if (assigned != null)
                {
                    return OrdinalOf(constructor, assigned);
                }
            }

            if (declaration.Initializer is not { } initializer
                || compilation.GetSemanticModel(initializer.SyntaxTree).GetSymbolInfo(initializer).Symbol is not IMethodSymbol chained)
            {
                return -1;
            }

            int chainedOrdinal = OwnerParameter(chained, backPointer, compilation, depth + 1);
            return ArgumentFor(initializer.ArgumentList, chained, chainedOrdinal) is IdentifierNameSyntax passed
                ? OrdinalOf(constructor, passed.Identifier.ValueText)
                : -1;
        }

        private static int OrdinalOf(IMethodSymbol method, string parameterName)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == parameterName)
                {
                    return parameter.Ordinal;
                }
            }

            return -1;
        }

        /// <summary>The argument passed for the parameter at <paramref name="ordinal"/>, by position or by name.</summary>
        private static ExpressionSyntax? ArgumentFor(ArgumentListSyntax arguments, IMethodSymbol method, int ordinal)
        {
            if (ordinal < 0 || ordinal >= method.Parameters.Length || method.Parameters[ordinal].IsParams)
            {
                return null;
            }

            var list = arguments.Arguments;
            for (int i = 0; i < list.Count; i++)
            {
                var argument = list[i];
                if (argument.NameColon is { } name ? name.Name.Identifier.ValueText == method.Parameters[ordinal].Name : i == ordinal)
                {
                    return argument.RefKindKeyword.RawKind == 0 ? argument.Expression : null;
                }
            }

            return null;
        }

        /// <summary>Every write of a type's own members in its declarations, by member name.</summary>
        private sealed class Writes
        {
            private readonly Dictionary<string, List<AssignmentExpressionSyntax>?> _byName = new(System.StringComparer.Ordinal);

            public static Writes Of(INamedTypeSymbol type)
            {
                var writes = new Writes();
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax();
                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is AssignmentExpressionSyntax or ArgumentSyntax && node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() == declaration)
                        {
                            // A nested type's own members and its this are not this type's.
                            writes.Record(node);
                        }
                    }
                }

                return writes;
            }

            /// <summary>What the member is assigned, or null when it is also written in a way that cannot be read (ref, a tuple, another object's).</summary>
            public List<ExpressionSyntax>? ValuesOf(string name)
            {
                if (!_byName.TryGetValue(name, out var assignments))
                {
                    return new List<ExpressionSyntax>();
                }

                if (assignments == null)
                {
                    return null;
                }

                var values = new List<ExpressionSyntax>(assignments.Count);
                foreach (var assignment in assignments)
                {
                    values.Add(assignment.Right);
                }

                return values;
            }

            /// <summary>Assigned at least once, and only in instance constructors, from one of their parameters.</summary>
            public bool AllFromConstructorParameters(string name)
            {
                if (!_byName.TryGetValue(name, out var assignments) || assignments == null)
                {
                    return false;
                }

                foreach (var assignment in assignments)
                {
                    if (assignment.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { } constructor || IsStatic(constructor)
                        || InFunction(assignment, constructor) || ParameterOf(assignment.Right, constructor) == null)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>The parameter the constructor assigns to the member, when it assigns it from exactly one.</summary>
            public static string? ParameterAssignedIn(ConstructorDeclarationSyntax constructor, string name)
            {
                string? found = null;
                foreach (var node in constructor.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax assignment && OwnMemberName(assignment.Left) == name)
                    {
                        var parameter = ParameterOf(assignment.Right, constructor);
                        if (parameter == null || (found != null && found != parameter))
                        {
                            return null;
                        }

                        found = parameter;
                    }
                }

                return found;
            }

            private void Record(SyntaxNode node)
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when OwnMemberName(assignment.Left) is { } name:
                        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
                        {
                            Add(name, assignment);
                        }
                        else
                        {
                            _byName[name] = null;
                        }

                        break;
                    case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name: var other } }:
                        // other.X = ...: the X of another object, maybe of this type.
                        _byName[other.Identifier.ValueText] = null;
                        break;
                    case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction:
                        foreach (var name in deconstruction.Left.DescendantNodes())
                        {
                            if (name is IdentifierNameSyntax identifier)
                            {
                                _byName[identifier.Identifier.ValueText] = null;
                            }
                        }

                        break;
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: var passed } when OwnMemberName(passed) is { } name:
                        _byName[name] = null;
                        break;
                }
            }

            private void Add(string name, AssignmentExpressionSyntax assignment)
            {
                if (!_byName.TryGetValue(name, out var list))
                {
                    list = new List<AssignmentExpressionSyntax>();
                    _byName.Add(name, list);
                }

                list?.Add(assignment);
            }

            private static string? OwnMemberName(ExpressionSyntax target)
                => target switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                    _ => null,
                };

            /// <summary><c>owner</c>, <c>owner!</c>, <c>owner ?? throw ...</c>, where owner is a parameter of the constructor.</summary>
            private static string? ParameterOf(ExpressionSyntax value, ConstructorDeclarationSyntax constructor)
            {
                var name = value switch
                {
                    IdentifierNameSyntax identifier => identifier,
                    PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: IdentifierNameSyntax identifier } => identifier,
                    BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Left: IdentifierNameSyntax identifier, Right: ThrowExpressionSyntax } => identifier,
                    _ => null,
                };
                if (name == null)
                {
                    return null;
                }

                foreach (var parameter in constructor.ParameterList.Parameters)
                {
                    if (parameter.Identifier.ValueText == name.Identifier.ValueText && parameter.Modifiers.Count == 0)
                    {
                        return parameter.Identifier.ValueText;
                    }
                }

                return null;
            }

            private static bool IsStatic(ConstructorDeclarationSyntax constructor)
            {
                foreach (var modifier in constructor.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.StaticKeyword))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool InFunction(SyntaxNode node, SyntaxNode constructor)
            {
                for (var current = node.Parent; current != null && current != constructor; current = current.Parent)
                {
                    if (current is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
