using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers
{
    /// <summary>How methods, members and lock classes are named in messages, in one place.</summary>
    internal static class Names
    {
        /// <summary>
        /// A body as a person names it inside its type: "WritePages", "Cache constructor", "the lambda
        /// in Flush", a property's name for its accessors, "this initializer" for a field initializer.
        /// </summary>
        public static string Body(IMethodSymbol? method)
        {
            if (method == null)
            {
                return "this initializer";
            }

            switch (method.MethodKind)
            {
                case MethodKind.AnonymousFunction:
                    return "the lambda in " + Body(method.ContainingSymbol as IMethodSymbol);
                case MethodKind.Constructor:
                case MethodKind.StaticConstructor:
                    return method.ContainingType.Name + " constructor";
                case MethodKind.PropertyGet:
                case MethodKind.PropertySet:
                case MethodKind.EventAdd:
                case MethodKind.EventRemove:
                    return method.AssociatedSymbol?.Name ?? method.Name;
                default:
                    return method.Name;
            }
        }

        /// <summary>A method with its type, as call chains show it: "SuperBlock.StartWrite", "AddressSpace.Mapping".</summary>
        public static string Method(IMethodSymbol method)
            => method.MethodKind switch
            {
                MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation => method.ContainingType?.Name + "." + method.Name,
                MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove
                    => method.ContainingType?.Name + "." + (method.AssociatedSymbol?.Name ?? method.Name),
                _ => Body(method),
            };

        /// <summary>A member by its metadata name with its type: "IAddressSpaceOperations.WritePages", "AddressSpace._folioLock".</summary>
        public static string Member(ISymbol member) => member.ContainingType?.Name + "." + member.Name;

        /// <summary>
        /// A type with its namespace and containing types ("Storage.Tree.Node"), so lock classes of
        /// types of the same name stay apart; a type parameter is named with the member or type declaring it.
        /// </summary>
        public static string Type(ITypeSymbol type)
        {
            if (type is ITypeParameterSymbol parameter)
            {
                return parameter.ContainingSymbol.Name + "." + parameter.Name;
            }

            var name = type.OriginalDefinition.Name;
            for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
            {
                name = outer.Name + "." + name;
            }

            var ns = type.ContainingNamespace;
            return ns == null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }
    }
}
