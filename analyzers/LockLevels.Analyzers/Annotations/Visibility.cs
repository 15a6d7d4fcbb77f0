using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>Who outside the compilation can name a symbol, from its declared accessibility and its containers'.</summary>
    internal static class Visibility
    {
        /// <summary>
        /// No other assembly can name <paramref name="symbol"/>: it, or a type containing it, is private, internal or
        /// private protected, or it is a local function; with <paramref name="butSubclasses"/>, protected counts as
        /// hidden too (only a subclass elsewhere can name it).
        /// </summary>
        public static bool IsHiddenFromOtherAssemblies(ISymbol symbol, bool butSubclasses = false)
        {
            for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal
                    || (butSubclasses && current.DeclaredAccessibility is Accessibility.Protected or Accessibility.ProtectedOrInternal)
                    || current is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
