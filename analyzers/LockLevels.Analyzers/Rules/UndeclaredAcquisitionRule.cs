using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0007: a method other assemblies can call takes levels in its body that its annotations do not
    /// declare, so their summaries of it would be empty. The fix adds [MightAcquire].
    /// </summary>
    internal sealed class UndeclaredAcquisitionRule : IBodyRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredAcquisition);

        public void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report)
        {
            foreach (var body in bodies)
            {
                if (body.Method is { } method && body.Acquisitions.Count > 0 && IsVisibleOutsideAssembly(method))
                {
                    ReportUndeclared(body, method, index.Annotations.ForMethod(method), report);
                }
            }
        }

        private static void ReportUndeclared(BodyFacts body, IMethodSymbol method, MethodAnnotations annotations, Action<Diagnostic> report)
        {
            var exclusive = new List<string>();
            var shared = new List<string>();
            foreach (var acquisition in body.Acquisitions)
            {
                if (acquisition.Inferred || annotations.Declares(acquisition.Level) || exclusive.Contains(acquisition.Level))
                {
                    continue;
                }

                if (!acquisition.Shared)
                {
                    shared.Remove(acquisition.Level);
                    exclusive.Add(acquisition.Level);
                }
                else if (!shared.Contains(acquisition.Level))
                {
                    shared.Add(acquisition.Level);
                }
            }

            if (exclusive.Count + shared.Count == 0)
            {
                return;
            }

            var all = new List<string>(exclusive);
            all.AddRange(shared);
            var location = method.Locations.IsEmpty ? Location.None : method.Locations[0];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(UndeclaredLevels.Exclusive, string.Join(",", exclusive))
                .Add(UndeclaredLevels.Shared, string.Join(",", shared));
            report(Diagnostic.Create(Descriptors.UndeclaredAcquisition, location, properties, Names.Body(method), string.Join(", ", all)));
        }

        private static bool IsVisibleOutsideAssembly(IMethodSymbol method)
        {
            // [MightAcquire] goes on methods and accessors written out in source (not constructors, not => properties).
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet)
                || method.ExplicitInterfaceImplementations.Length > 0
                || (method.MethodKind != MethodKind.Ordinary && !HasAccessorSyntax(method)))
            {
                return false;
            }

            for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasAccessorSyntax(IMethodSymbol accessor)
        {
            foreach (var reference in accessor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is AccessorDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
