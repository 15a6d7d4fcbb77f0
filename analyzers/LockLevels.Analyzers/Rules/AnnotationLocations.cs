using System.Threading;
using LockLevels.Analyzers.Roslyn;
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

            int position = 0;
            if (syntax.ArgumentList != null)
            {
                foreach (var argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals != null || argument.NameColon != null)
                    {
                        continue;
                    }

                    if (position++ == index)
                    {
                        return argument.GetLocation();
                    }
                }
            }

            return syntax.GetLocation();
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
