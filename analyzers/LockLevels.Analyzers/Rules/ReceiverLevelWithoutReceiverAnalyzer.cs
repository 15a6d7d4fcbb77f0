using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0907: [Acquires] or [Releases] without a level (the level of the object called on) on a method that
    /// is called on no object: a static method, a local function, a lambda. No call of it could ever name a
    /// level, so the annotation would silently take nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReceiverLevelWithoutReceiverAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ReceiverLevelWithoutReceiver);

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
            var annotations = compilation.Annotations.ForMethod(method);
            if (!annotations.IsReceiverLevel)
            {
                return;
            }

            string? without = method.MethodKind switch
            {
                MethodKind.LocalFunction => "a local function",
                MethodKind.AnonymousFunction => "a lambda",
                _ when method.IsStatic => "static",
                _ => null,
            };

            if (without == null)
            {
                return;
            }

            Report(annotations.ReceiverAcquires, "Acquires", method, without, report, cancellationToken);
            Report(annotations.ReceiverReleases, "Releases", method, without, report, cancellationToken);
        }

        private static void Report(ImmutableArray<LevelUse> uses, string attribute, IMethodSymbol method, string without, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var use in uses)
            {
                report(Diagnostic.Create(Descriptors.ReceiverLevelWithoutReceiver, AnnotationLocations.OfAttribute(use.Attribute, cancellationToken),
                    attribute, Names.Body(method), without));
            }
        }
    }
}
