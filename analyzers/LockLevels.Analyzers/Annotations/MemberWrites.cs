using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>Every write of a type's own members in its declarations, by member name.</summary>
    internal sealed class MemberWrites
    {
        private readonly Dictionary<string, List<AssignmentExpressionSyntax>?> _byName = new(System.StringComparer.Ordinal);

        private readonly INamedTypeSymbol _type;

        /// <summary>The names of the type's members and its bases': what a receiver in its constructors may be. Made when a guard is first read.</summary>
        private HashSet<string>? _memberNames;

        private MemberWrites(INamedTypeSymbol type) => _type = type;

        public static MemberWrites Of(INamedTypeSymbol type)
        {
            var writes = new MemberWrites(type);

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

        /// <summary>
        /// Assigned at least once, and only in instance constructors, from one of their parameters (also through a
        /// static guard that hands it back, when <paramref name="throughGuards"/>).
        /// </summary>
        public bool AllFromConstructorParameters(string name, bool throughGuards = false)
        {
            if (!_byName.TryGetValue(name, out var assignments) || assignments == null)
            {
                return false;
            }

            foreach (var assignment in assignments)
            {
                if (assignment.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { } constructor || IsStatic(constructor)
                    || InNestedFunction(assignment, constructor) || ParameterOf(assignment.Right, constructor, throughGuards ? MemberNames() : null) == null)
                {
                    return false;
                }
            }

            return true;
        }

        private HashSet<string> MemberNames()
        {
            if (_memberNames is { } known)
            {
                return known;
            }

            var names = new HashSet<string>(System.StringComparer.Ordinal);
            for (var current = _type; current != null; current = current.BaseType)
            {
                names.UnionWith(current.MemberNames);
            }

            // Shared between threads: every caller builds the same set, and one is kept.
            return System.Threading.Interlocked.CompareExchange(ref _memberNames, names, null) ?? names;
        }

        /// <summary>The parameter the constructor assigns to the member, when it assigns it from exactly one.</summary>
        public static string? ParameterAssignedIn(ConstructorDeclarationSyntax constructor, string name)
        {
            string? found = null;
            foreach (var node in constructor.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && OwnMemberName(assignment.Left) == name)
                {
                    var parameter = ParameterOf(assignment.Right, constructor, members: null);
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
                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: IdentifierNameSyntax member }:
                    // new T { X = ... }: the X of the object being created, maybe of this type, not this one's.
                    _byName[member.Identifier.ValueText] = null;
                    break;
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

        /// <summary>The member a write names when it is one of this object's own: <c>X</c> or <c>this.X</c>.</summary>
        internal static string? OwnMemberName(ExpressionSyntax target)
            => target switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                _ => null,
            };

        /// <summary>
        /// <c>owner</c>, <c>owner!</c>, <c>owner ?? throw ...</c>, or a static guard that hands it back
        /// (<c>Ensure.IsNotNull(owner, nameof(owner))</c>, read only when the type's <paramref name="members"/> are
        /// given), where owner is a parameter of the constructor.
        /// </summary>
        private static string? ParameterOf(ExpressionSyntax value, ConstructorDeclarationSyntax constructor, HashSet<string>? members)
        {
            var name = value switch
            {
                IdentifierNameSyntax identifier => identifier,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: IdentifierNameSyntax identifier } => identifier,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Left: IdentifierNameSyntax identifier, Right: ThrowExpressionSyntax } => identifier,
                InvocationExpressionSyntax invocation when members != null => GuardedArgument(invocation, constructor, members),
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

        /// <summary>
        /// The first argument of <c>Guard.Check(value, nameof(value), "message")</c> or <c>Guard.Against.Null(value)</c>:
        /// a method reached from a type's name (not from a member, parameter or local, which may be the object under
        /// construction) and given nothing else but constants, so it cannot hand back the object under construction.
        /// </summary>
        private static IdentifierNameSyntax? GuardedArgument(InvocationExpressionSyntax invocation, ConstructorDeclarationSyntax constructor, HashSet<string> members)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax guard
                || invocation.ArgumentList.Arguments.Count == 0
                || invocation.ArgumentList.Arguments[0] is not { NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax value })
            {
                return null;
            }

            var receiver = guard.Expression;
            while (receiver is MemberAccessExpressionSyntax { Expression: var inner })
            {
                receiver = inner;
            }

            if (receiver is not IdentifierNameSyntax { Identifier.ValueText: var root } || members.Contains(root) || IsNamedIn(constructor, root))
            {
                return null;
            }

            for (int i = 1; i < invocation.ArgumentList.Arguments.Count; i++)
            {
                var argument = invocation.ArgumentList.Arguments[i].Expression;
                bool constant = argument is LiteralExpressionSyntax
                    || argument is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };
                if (!constant)
                {
                    return null;
                }
            }

            return value;
        }

        /// <summary>A parameter or local of the constructor has the name: a receiver of that name is an object, not a type.</summary>
        private static bool IsNamedIn(ConstructorDeclarationSyntax constructor, string name)
        {
            foreach (var parameter in constructor.ParameterList.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            foreach (var node in constructor.DescendantNodes())
            {
                if ((node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == name)
                    || (node is SingleVariableDesignationSyntax designation && designation.Identifier.ValueText == name))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>Whether <paramref name="node"/> is inside a lambda or local function of <paramref name="body"/>: code that may run later, or not at all.</summary>
        public static bool InNestedFunction(SyntaxNode node, SyntaxNode body)
        {
            for (var current = node.Parent; current != null && current != body; current = current.Parent)
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
