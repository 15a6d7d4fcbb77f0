using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0908: [Acquires(Try = true)] on a method that does not return bool, Task&lt;bool&gt; or
    /// ValueTask&lt;bool&gt;: no caller can test whether the lock was taken, so the analysis holds the
    /// level after every call as if Try were not set.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TryLockNotBoolAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TryLockNotBool);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
            {
                AnnotationRule.RegisterForMethods(start, (method, report, cancellationToken) => Check(method, compilation, report, cancellationToken));
            });
        }

        private static void Check(IMethodSymbol method, CompilationIndex compilation, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            if (method.ReturnType.TypeKind == TypeKind.Error || LockEventClassifier.ReturnsBool(method))
            {
                return;
            }

            var annotations = compilation.Annotations.ForMethod(method);
            Report(annotations.Acquires, method, report, cancellationToken);
            Report(annotations.ReceiverAcquires, method, report, cancellationToken);
        }

        private static void Report(ImmutableArray<LevelUse> uses, IMethodSymbol method, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var use in uses)
            {
                // One attribute naming several levels is one mistake: reported once, at its Try.
                if (use.Try && use.ArgumentIndex == 0)
                {
                    report(Diagnostic.Create(Descriptors.TryLockNotBool, AnnotationLocations.OfNamedArgument(use.Attribute, "Try", cancellationToken),
                        Names.Body(method), method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }
        }
    }
}
