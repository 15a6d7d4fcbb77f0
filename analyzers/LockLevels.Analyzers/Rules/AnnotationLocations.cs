using System.Collections.Generic;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>Where in source an annotation, or one level it names, was written.</summary>
    internal static class AnnotationLocations
    {
        public static Location OfAttribute(AttributeData attribute, CancellationToken cancellationToken)
            => attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;

        /// <summary>The argument that names the level, or the whole attribute when it cannot be told apart.</summary>
        public static Location OfLevel(LevelUse use, CancellationToken cancellationToken)
            => OfPositionalArgument(use.Attribute, use.ArgumentIndex, cancellationToken);

        public static Location OfPositionalArgument(AttributeData attribute, int index, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                return Location.None;
            }

            var positional = new List<AttributeArgumentSyntax>();
            if (syntax.ArgumentList != null)
            {
                foreach (var argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals == null && argument.NameColon == null)
                    {
                        positional.Add(argument);
                    }
                }
            }

            // The index counts levels, with a params array's elements flattened. Written in expanded
            // form each level is its own argument; passed as one array, it is an element of it.
            int position = index, element = -1;
            var constructorArguments = attribute.ConstructorArguments;
            if (constructorArguments.Length == positional.Count)
            {
                int flat = 0;
                for (int i = 0; i < constructorArguments.Length; i++)
                {
                    var constant = constructorArguments[i];
                    bool isArray = constant.Kind == TypedConstantKind.Array;
                    int width = isArray ? (constant.IsNull ? 0 : constant.Values.Length) : 1;
                    if (index < flat + width)
                    {
                        position = i;
                        element = isArray ? index - flat : -1;
                        break;
                    }

                    flat += width;
                }
            }

            if (position >= positional.Count)
            {
                return syntax.GetLocation();
            }

            var found = positional[position];
            if (element >= 0 && ArrayElements(found.Expression) is { } elements && element < elements.Count)
            {
                return elements[element].GetLocation();
            }

            return found.GetLocation();
        }

        private static IReadOnlyList<SyntaxNode>? ArrayElements(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return initializer.Expressions;
                case ImplicitArrayCreationExpressionSyntax creation:
                    return creation.Initializer.Expressions;
                case CollectionExpressionSyntax collection:
                    var elements = new List<SyntaxNode>(collection.Elements.Count);
                    foreach (var element in collection.Elements)
                    {
                        if (element is not ExpressionElementSyntax)
                        {
                            return null;
                        }

                        elements.Add(element);
                    }

                    return elements;
                default:
                    return null;
            }
        }

        public static Location OfNamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                return Location.None;
            }

            if (syntax.ArgumentList != null)
            {
                foreach (var argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return argument.GetLocation();
                    }
                }
            }

            return syntax.GetLocation();
        }
    }
}
