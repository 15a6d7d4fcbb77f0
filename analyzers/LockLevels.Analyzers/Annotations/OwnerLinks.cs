using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// Helpers that point back at the object that made them: a buffer made as <c>new WriteBuffer(this)</c>
    /// that keeps its maker in <c>Connector</c>. Through such a pair the maker's locks are reached from the
    /// helper and back, and they are still the maker's own; without it, every call through the helper looks
    /// like one on some other object. Read from declarations and their assignments only, once per type
    /// and member for the compilation.
    /// </summary>
    internal sealed class OwnerLinks
    {
        private const int MaxChainedConstructors = 4;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<INamedTypeSymbol, MemberWrites> _writes = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ISymbol?> _backPointers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _ownedHelpers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _fixedAtConstruction = new(SymbolEqualityComparer.Default);

        public OwnerLinks(Compilation compilation) => _compilation = compilation;

        /// <summary>
        /// The one member of <paramref name="type"/> or its source bases that only ever holds a constructor's
        /// argument (<c>Connector = connector</c>), assigned nowhere but in constructors; null when there is no
        /// such member or more than one (which of them is "the owner" could not be told).
        /// </summary>
        public ISymbol? BackPointerOf(INamedTypeSymbol type) => _backPointers.GetOrAdd(type.OriginalDefinition, FindBackPointer);

        /// <summary>
        /// Whether every object <paramref name="member"/> ever holds is a helper made by its own object with
        /// itself as the helper's owner (<c>WriteBuffer = new WriteBuffer(this, ...)</c>), or null: then a call on
        /// <c>this.WriteBuffer</c> runs on a helper whose owner is the caller's own object.
        /// </summary>
        public bool IsOwnedHelper(ISymbol member) => _ownedHelpers.GetOrAdd(member.OriginalDefinition, IsMadeWithItsObjectAsOwner);

        /// <summary>
        /// Whether <paramref name="member"/> (a readonly field or a get-only auto-property of a class) only ever holds
        /// what its object's creator passed to a constructor (<c>_wrapped = wrapped</c>, also through a static guard):
        /// an object that existed before this one, or was made without it, so a chain of such members never leads
        /// back to the object it starts from (<see cref="Model.ReceiverKind.Part"/>).
        /// </summary>
        public bool IsFixedAtConstruction(ISymbol member) => _fixedAtConstruction.GetOrAdd(member.OriginalDefinition, IsFixedByCreator);

        private bool IsFixedByCreator(ISymbol member)
        {
            bool readOnly = member switch
            {
                IFieldSymbol field => field.IsReadOnly,
                IPropertySymbol property => property.SetMethod == null && ThisEscape.IsAutoProperty(property),
                _ => false,
            };

            return readOnly && !member.IsStatic && !member.IsImplicitlyDeclared && !HasInitializer(member)
                && member.ContainingType is { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.IsEmpty: false } type
                && WritesOf(type).AllFromConstructorParameters(member.Name, throughGuards: true);
        }

        private MemberWrites WritesOf(INamedTypeSymbol type) => _writes.GetOrAdd(type, MemberWrites.Of);

        private ISymbol? FindBackPointer(INamedTypeSymbol type)
        {
            ISymbol? found = null;
            for (var current = type; current is { DeclaringSyntaxReferences.IsEmpty: false }; current = current.BaseType)
            {
                var writes = WritesOf(current);
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

        private bool IsMadeWithItsObjectAsOwner(ISymbol member)
        {
            if (member.IsStatic || member.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false } owner || !IsAssignedOnlyByItsType(member)
                || HasInitializer(member))
            {
                return false;
            }

            var values = WritesOf(owner).ValuesOf(member.Name);
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
                    || SymbolOf(creation) is not IMethodSymbol constructor
                    || BackPointerOf(constructor.ContainingType) is not { } backPointer
                    || ArgumentFor(arguments, constructor, OwnerParameter(constructor, backPointer, 0)) is not ThisExpressionSyntax)
                {
                    return false;
                }

                made = true;
            }

            return made;
        }

        private static bool IsBackPointerCandidate(ISymbol member)
        {
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };

            return type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface, DeclaringSyntaxReferences.IsEmpty: false }
                && !member.IsStatic && !member.IsImplicitlyDeclared && !HasInitializer(member) && IsAssignedOnlyByItsType(member);
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
        private int OwnerParameter(IMethodSymbol constructor, ISymbol backPointer, int depth)
        {
            if (depth > MaxChainedConstructors || constructor.DeclaringSyntaxReferences.Length != 1
                || constructor.DeclaringSyntaxReferences[0].GetSyntax() is not ConstructorDeclarationSyntax declaration)
            {
                return -1;
            }

            if (SymbolEqualityComparer.Default.Equals(constructor.ContainingType, backPointer.ContainingType))
            {
                string? assigned = MemberWrites.ParameterAssignedIn(declaration, backPointer.Name);
                if (assigned != null)
                {
                    return OrdinalOf(constructor, assigned);
                }
            }

            if (declaration.Initializer is not { } initializer
                || SymbolOf(initializer) is not IMethodSymbol chained)
            {
                return -1;
            }

            int chainedOrdinal = OwnerParameter(chained, backPointer, depth + 1);
            return ArgumentFor(initializer.ArgumentList, chained, chainedOrdinal) is IdentifierNameSyntax passed
                ? OrdinalOf(constructor, passed.Identifier.ValueText)
                : -1;
        }

        /// <summary>The constructor a creation or an initializer calls: a few nodes of declarations, bound once each.</summary>
        private ISymbol? SymbolOf(SyntaxNode node)
        {
#pragma warning disable RS1030 // Declarations of other bodies than the one being analysed, read once per compilation.
            return _compilation.GetSemanticModel(node.SyntaxTree).GetSymbolInfo(node).Symbol;
#pragma warning restore RS1030
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
    }
}
