using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0906: [Acquires(LongTermClaim = ...)] naming no parameterless method of the type that returns IDisposable.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidLongTermClaimAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidLongTermClaim);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
                start.RegisterSymbolAction(symbol => Check(symbol, compilation), SymbolKind.Method));
        }

        private static void Check(SymbolAnalysisContext context, CompilationIndex compilation)
        {
            var method = (IMethodSymbol)context.Symbol;
            foreach (var use in compilation.Annotations.ForMethod(method).Acquires)
            {
                if (use.LongTermClaim != null && use.ArgumentIndex == 0 && !IsClaimMethod(method.ContainingType, use.LongTermClaim, compilation.Symbols.IDisposable))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLongTermClaim,
                        AnnotationLocations.OfNamedArgument(use.Attribute, "LongTermClaim", context.CancellationToken),
                        use.LongTermClaim, method.ContainingType?.Name ?? "its type"));
                }
            }
        }

        internal static bool IsClaimMethod(INamedTypeSymbol? type, string name, INamedTypeSymbol disposable)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { Parameters.Length: 0, IsGenericMethod: false } candidate && IsDisposable(candidate.ReturnType, disposable))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsDisposable(ITypeSymbol type, INamedTypeSymbol disposable)
        {
            if (SymbolEqualityComparer.Default.Equals(type, disposable))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, disposable))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
