using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The types of this compilation whose objects can exist, so whose overrides can run: a type the
    /// compilation creates (<c>new</c>, <c>typeof</c>, a type argument written at a call, which covers factories and
    /// registrations by type), a type other assemblies can create (not abstract and visible outside the
    /// assembly), a struct or an interface, and every base type of one of those. A type created only by
    /// reflection from a name is not seen.
    /// </summary>
    internal sealed class LiveTypes
    {
        private readonly HashSet<INamedTypeSymbol> _live = new(SymbolEqualityComparer.Default);

        public LiveTypes(IEnumerable<ITypeSymbol> created)
        {
            foreach (var type in created)
            {
                if (type is INamedTypeSymbol named)
                {
                    AddWithBases(named);
                }
            }
        }

        public bool CanExist(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            if (type.ContainingAssembly is not ISourceAssemblySymbol || type.TypeKind is TypeKind.Interface or TypeKind.Struct || _live.Contains(type))
            {
                return true;
            }

            return !type.IsAbstract && IsVisibleOutsideAssembly(type);
        }

        /// <summary>Whether <paramref name="type"/> is <paramref name="ancestor"/>, derives from it or implements it.</summary>
        public static bool IsOrDerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor))
                {
                    return true;
                }
            }

            if (ancestor.TypeKind == TypeKind.Interface)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, ancestor))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void AddWithBases(INamedTypeSymbol type)
        {
            for (var current = type.OriginalDefinition; current != null && _live.Add(current); current = current.BaseType?.OriginalDefinition)
            {
            }
        }

        private static bool IsVisibleOutsideAssembly(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
