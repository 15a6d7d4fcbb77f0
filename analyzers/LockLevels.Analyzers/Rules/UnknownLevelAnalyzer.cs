using System.Collections.Immutable;
using LockLevels.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0900: an annotation names a level that no hierarchy declares, or an empty level. Levels are
    /// checked against hierarchies only when the compilation declares or references at least one.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnknownLevelAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnknownLevel, Descriptors.EmptyLevel);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
            {
                start.RegisterSymbolAction(symbol => CheckMethod(symbol, compilation), SymbolKind.Method);
                start.RegisterSymbolAction(symbol => CheckLockMember(symbol, compilation), SymbolKind.Field, SymbolKind.Property);
                AnnotationRule.RegisterForHierarchies(start, compilation, (tree, _, hierarchy) =>
                {
                    foreach (var use in AnnotationReader.Levels(hierarchy.Attribute, false, null))
                    {
                        if (use.Level.Length == 0)
                        {
                            tree.ReportDiagnostic(Diagnostic.Create(Descriptors.EmptyLevel, AnnotationLocations.OfLevel(use, tree.CancellationToken)));
                        }
                    }
                });
            });
        }

        private static void CheckMethod(SymbolAnalysisContext context, LockCompilation compilation)
        {
            var annotations = compilation.Annotations.ForMethod((IMethodSymbol)context.Symbol);
            if (annotations.IsEmpty)
            {
                return;
            }

            Check(context, compilation, annotations.Acquires);
            Check(context, compilation, annotations.Releases);
            Check(context, compilation, annotations.MightAcquire);
            Check(context, compilation, annotations.CalledWithLocksHeld);
        }

        private static void CheckLockMember(SymbolAnalysisContext context, LockCompilation compilation)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.Lock))
                {
                    foreach (var use in AnnotationReader.Levels(attribute, false, null))
                    {
                        Check(context, compilation, use);
                    }
                }
            }
        }

        private static void Check(SymbolAnalysisContext context, LockCompilation compilation, ImmutableArray<LevelUse> uses)
        {
            foreach (var use in uses)
            {
                Check(context, compilation, use);
            }
        }

        private static void Check(SymbolAnalysisContext context, LockCompilation compilation, LevelUse use)
        {
            if (use.Level.Length == 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.EmptyLevel, AnnotationLocations.OfLevel(use, context.CancellationToken)));
            }
            else if (compilation.Order.HasDeclarations && !compilation.Order.IsDeclared(use.Level))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownLevel, AnnotationLocations.OfLevel(use, context.CancellationToken), use.Level));
            }
        }
    }
}
