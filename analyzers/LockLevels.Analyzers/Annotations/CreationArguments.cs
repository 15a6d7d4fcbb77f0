using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>What a lock field is created with, read from its declaration and the assignments in its type.</summary>
    internal static class CreationArguments
    {
        /// <summary>
        /// The first argument of every <c>new SemaphoreSlim(n, ...)</c> the field is initialized or assigned
        /// with in its type, when they all agree on one integer literal; otherwise null.
        /// </summary>
        public static int? FirstIntegerArgument(IFieldSymbol field) => AgreedInteger(field, 0);

        /// <summary>
        /// Whether every creation of the member gives a semaphore room for one holder only: an initial or a
        /// maximum count of 1 (<c>new SemaphoreSlim(1)</c>, <c>new SemaphoreSlim(0, 1)</c>); null when unknown.
        /// </summary>
        public static bool? HasOneSlot(ISymbol member)
            => AgreedInteger(member, 0) == 1 || AgreedInteger(member, 1) == 1 ? true
                : AgreedInteger(member, 0) is not null ? false : null;

        /// <summary>
        /// Whether every creation of a ReaderWriterLockSlim member allows recursion
        /// (<c>LockRecursionPolicy.SupportsRecursion</c>); false for the default <c>NoRecursion</c>; null when unknown.
        /// </summary>
        public static bool? SupportsRecursion(ISymbol member)
        {
            var creations = Creations(member);
            if (creations == null)
            {
                return null;
            }

            bool? supports = null;
            foreach (var arguments in creations)
            {
                bool? creationSupports = arguments is not { Arguments.Count: > 0 } ? false
                    : arguments.Arguments[0].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var policy }
                        ? policy == "SupportsRecursion" ? true : policy == "NoRecursion" ? false : null
                        : null;
                if (creationSupports == null || (supports != null && supports != creationSupports))
                {
                    return null;
                }

                supports = creationSupports;
            }

            return supports;
        }

        private static int? AgreedInteger(ISymbol member, int position)
        {
            var creations = Creations(member);
            if (creations == null)
            {
                return null;
            }

            int? found = null;
            foreach (var arguments in creations)
            {
                if (arguments is not { } list || list.Arguments.Count <= position || list.Arguments[position].Expression is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.Token.Value is not int count || (found != null && found != count))
                {
                    return null;
                }

                found = count;
            }

            return found;
        }

        /// <summary>
        /// The argument lists of every object creation the member is initialized or assigned with in its type
        /// (an empty list for <c>new T()</c>); null when there is none, or something else is assigned (or it is
        /// passed by <c>ref</c> or <c>out</c>).
        /// </summary>
        public static List<ArgumentListSyntax?>? Creations(ISymbol member)
        {
            var found = new List<ArgumentListSyntax?>();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };

                if (initializer != null && !Add(found, initializer))
                {
                    return null;
                }

                if (syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
                {
                    continue;
                }

                // Every assignment in the type, not only the constructors': a method may replace the object.
                foreach (var node in type.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: var left, Right: var right } && AssignsMember(left, member.Name) && !Add(found, right))
                    {
                        return null;
                    }

                    if (node is ArgumentSyntax { RefKindKeyword.ValueText: "ref" or "out", Expression: var passed } && AssignsMember(passed, member.Name))
                    {
                        return null;
                    }
                }
            }

            return found.Count > 0 ? found : null;
        }

        private static bool AssignsMember(ExpressionSyntax left, string name) => MemberWrites.OwnMemberName(left) == name;

        private static bool Add(List<ArgumentListSyntax?> found, ExpressionSyntax value)
        {
            switch (value)
            {
                case ObjectCreationExpressionSyntax creation:
                    found.Add(creation.ArgumentList);
                    return true;
                case ImplicitObjectCreationExpressionSyntax creation:
                    found.Add(creation.ArgumentList);
                    return true;
                default:
                    return false;
            }
        }
    }
}
