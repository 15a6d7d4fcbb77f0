using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0903: one method annotated two ways that cannot both hold for a level: it acquires and
    /// releases it, acquires it both shared and exclusive, acquires a level its callers already hold, or
    /// requires it both held and not held on entry.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContradictoryAnnotationsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ContradictoryAnnotations);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
                start.RegisterSymbolAction(symbol => Check(symbol, compilation), SymbolKind.Method));
        }

        private static void Check(SymbolAnalysisContext context, CompilationIndex compilation)
        {
            var annotations = compilation.Annotations.ForMethod((IMethodSymbol)context.Symbol);

            // Held and not held on entry at once: no caller can satisfy both. Reported at the [CalledWithLocksNotHeld]
            // written on the member itself (one on a property would otherwise be reported once per accessor).
            var own = context.Symbol.GetAttributes();
            foreach (var notHeld in annotations.CalledWithLocksNotHeld)
            {
                if (notHeld.Level.Length > 0 && own.Contains(notHeld.Attribute))
                {
                    Report(context, annotations.CalledWithLocksHeld, notHeld.Level, "[CalledWithLocksHeld]", "[CalledWithLocksNotHeld]", notHeld);
                }
            }

            if (annotations.Acquires.IsEmpty)
            {
                return;
            }

            for (int i = 0; i < annotations.Acquires.Length; i++)
            {
                var acquire = annotations.Acquires[i];
                if (acquire.Level.Length == 0)
                {
                    continue;
                }

                // Reported at the [Releases]: once per level, however many [Acquires] name it.
                if (!AcquiredEarlier(annotations.Acquires, i))
                {
                    Report(context, annotations.Releases, acquire.Level, "[Acquires]", "[Releases]");
                }

                Report(context, annotations.CalledWithLocksHeld, acquire.Level, "[CalledWithLocksHeld]", "[Acquires]", acquire);
                for (int j = 0; j < i; j++)
                {
                    var earlier = annotations.Acquires[j];
                    if (earlier.Level == acquire.Level && earlier.Shared != acquire.Shared)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ContradictoryAnnotations,
                            AnnotationLocations.OfAttribute(acquire.Attribute, context.CancellationToken),
                            context.Symbol.Name, "[Acquires(Shared = true)]", "[Acquires]", acquire.Level));
                        break;
                    }
                }
            }
        }

        private static bool AcquiredEarlier(ImmutableArray<LevelUse> acquires, int index)
        {
            for (int j = 0; j < index; j++)
            {
                if (acquires[j].Level == acquires[index].Level)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(SymbolAnalysisContext context, ImmutableArray<LevelUse> others, string level, string first, string second, LevelUse? at = null)
        {
            foreach (var other in others)
            {
                if (other.Level == level)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ContradictoryAnnotations,
                        AnnotationLocations.OfAttribute((at ?? other).Attribute, context.CancellationToken),
                        context.Symbol.Name, first, second, level));
                    return;
                }
            }
        }
    }
}
