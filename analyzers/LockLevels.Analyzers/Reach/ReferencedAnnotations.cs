using System.Collections.Generic;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The names of the annotated members of referenced assemblies, read from metadata once per
    /// compilation: only assemblies that reference LockLevels.Annotations can carry annotations.
    /// A call by one of these names is a seed.
    /// </summary>
    internal static class ReferencedAnnotations
    {
        public static HashSet<string> Names(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            if (!AnnotationPresence.MayExist(compilation))
            {
                return names;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (AnnotationReader.ReferencesAnnotations(assembly))
                {
                    VisitNamespace(assembly.GlobalNamespace, names, cancellationToken);
                }
            }

            return names;
        }

        private static void VisitNamespace(INamespaceSymbol ns, HashSet<string> names, CancellationToken cancellationToken)
        {
            foreach (var member in ns.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is INamespaceSymbol inner)
                {
                    VisitNamespace(inner, names, cancellationToken);
                }
                else if (member is INamedTypeSymbol type)
                {
                    VisitType(type, names);
                }
            }
        }

        private static void VisitType(INamedTypeSymbol type, HashSet<string> names)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case INamedTypeSymbol nested:
                        VisitType(nested, names);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op when IsAnnotated(op) && op.Name is not ("op_True" or "op_False"):
                        // Which token calls it is the compiler's to say: every operator syntax stands for it.
                        names.UnionWith(ReachNames.AllOperatorNames);
                        break;
                    case IMethodSymbol method when IsAnnotated(method):
                        names.Add(CalledName(method));
                        if (method.MethodKind == MethodKind.Ordinary)
                        {
                            // Called without a receiver from a type derived from it in source.
                            names.Add(ReachNames.Inherited(SimpleName(method.Name)));
                        }

                        if (method.AssociatedSymbol is IPropertySymbol { IsIndexer: true })
                        {
                            names.Add(ReachNames.Indexer);
                        }
                        else if (method.AssociatedSymbol != null)
                        {
                            // An annotated accessor is called by the property's or event's name.
                            names.Add(SimpleName(method.AssociatedSymbol.Name));
                        }

                        break;
                    case IFieldSymbol or IPropertySymbol when IsAnnotated(member):
                        names.Add(member is IPropertySymbol { IsIndexer: true } ? ReachNames.Indexer : SimpleName(member.Name));
                        break;
                }
            }
        }

        private static bool IsAnnotated(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type != null
                    && ReachNames.Attributes.Contains(type.Name)
                    && type.ContainingNamespace is { Name: "LockLevels" } ns
                    && ns.ContainingNamespace is { IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name a call to the method spells: a constructor by its type, the true and false operators by the pseudo-name that stands for any body.</summary>
        private static string CalledName(IMethodSymbol method)
            => method.MethodKind switch
            {
                MethodKind.Constructor or MethodKind.StaticConstructor => method.ContainingType.Name,
                MethodKind.UserDefinedOperator => ReachNames.Anywhere,
                MethodKind.Conversion => method.Name == "op_Implicit" ? ReachNames.Anywhere : ReachNames.ExplicitConversion,
                _ => ReachNames.Method(SimpleName(method.Name)),
            };

        /// <summary>Explicit implementations are named "Ns.IFoo.Bar" in metadata; calls name Bar.</summary>
        private static string SimpleName(string name)
        {
            int dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(dot + 1);
        }
    }
}
