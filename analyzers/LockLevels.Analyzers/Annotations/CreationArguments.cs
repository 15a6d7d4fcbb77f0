using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>What a lock field is created with, read from its declaration and its type's constructors.</summary>
    internal static class CreationArguments
    {
        /// <summary>
        /// The first argument of every <c>new SemaphoreSlim(n, ...)</c> the field is initialized or assigned
        /// with in its type's constructors, when they all agree on one integer literal; otherwise null.
        /// </summary>
        public static int? FirstIntegerArgument(IFieldSymbol field)
        {
            int? found = null;
            bool any = false;
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
                {
                    if (!Agree(value, ref found, ref any))
                    {
                        return null;
                    }
                }

                if (reference.GetSyntax().FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
                {
                    continue;
                }

                foreach (var member in type.Members)
                {
                    if (member is not ConstructorDeclarationSyntax constructor)
                    {
                        continue;
                    }

                    foreach (var assignment in constructor.DescendantNodes())
                    {
                        if (assignment is AssignmentExpressionSyntax { Left: var left, Right: var right } && AssignsField(left, field.Name) && !Agree(right, ref found, ref any))
                        {
                            return null;
                        }
                    }
                }
            }

            return any ? found : null;
        }

        private static bool AssignsField(ExpressionSyntax left, string name)
            => left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
                _ => false,
            };

        private static bool Agree(ExpressionSyntax value, ref int? found, ref bool any)
        {
            var arguments = value switch
            {
                ObjectCreationExpressionSyntax creation => creation.ArgumentList,
                ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };

            if (arguments is not { Arguments.Count: > 0 } || arguments.Arguments[0].Expression is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.Token.Value is not int count)
            {
                return false;
            }

            if (any && found != count)
            {
                return false;
            }

            any = true;
            found = count;
            return true;
        }
    }
}
