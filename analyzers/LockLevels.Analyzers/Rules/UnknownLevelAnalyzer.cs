using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
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
                AnnotationRule.RegisterForMethods(start, (method, report, cancellationToken) => CheckMethod(method, compilation, report, cancellationToken));
                start.RegisterSymbolAction(symbol => CheckLockMember(symbol, compilation), SymbolKind.Field, SymbolKind.Property, SymbolKind.NamedType);
                var assembly = start.Compilation.Assembly;
                start.RegisterSyntaxTreeAction(tree => CheckRecursiveLevels(tree, assembly, compilation));
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

        private static void CheckMethod(IMethodSymbol method, CompilationIndex compilation, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var annotations = compilation.Annotations.ForMethod(method);
            if (annotations.IsEmpty)
            {
                return;
            }

            Check(report, cancellationToken, compilation, annotations.Acquires);
            Check(report, cancellationToken, compilation, annotations.Releases);
            Check(report, cancellationToken, compilation, annotations.MightAcquire);
            CheckOwn(report, cancellationToken, compilation, method, annotations.CalledWithLocksHeld);
            CheckOwn(report, cancellationToken, compilation, method, annotations.CalledWithLocksNotHeld);
        }

        /// <summary>An accessor's entry levels include its property's: those are checked once, on the property.</summary>
        private static void CheckOwn(System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken, CompilationIndex compilation, IMethodSymbol method, ImmutableArray<LevelUse> uses)
        {
            var property = method.AssociatedSymbol as IPropertySymbol;
            foreach (var use in uses)
            {
                if (property == null || !property.GetAttributes().Contains(use.Attribute))
                {
                    Check(report, cancellationToken, compilation, use);
                }
            }
        }

        private static void CheckLockMember(SymbolAnalysisContext context, CompilationIndex compilation)
        {
            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.Lock)
                    || (attribute.AttributeClass != null && context.Symbol is IPropertySymbol
                        && (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.CalledWithLocksHeld)
                            || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.CalledWithLocksNotHeld))))
                {
                    foreach (var use in AnnotationReader.Levels(attribute, false, null))
                    {
                        Check(context.ReportDiagnostic, context.CancellationToken, compilation, use);
                    }
                }
            }
        }

        /// <summary>[assembly: RecursiveLevels(...)] and [assembly: AcquiredWithLocksNotHeld(...)] name levels like any other annotation.</summary>
        private static void CheckRecursiveLevels(SyntaxTreeAnalysisContext tree, IAssemblySymbol assembly, CompilationIndex compilation)
        {
            if (compilation.Symbols.RecursiveLevels == null && compilation.Symbols.AcquiredWithLocksNotHeld == null)
            {
                return;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass != null
                    && (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.RecursiveLevels)
                        || SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.AcquiredWithLocksNotHeld))
                    && attribute.ApplicationSyntaxReference?.SyntaxTree == tree.Tree)
                {
                    foreach (var use in AnnotationReader.Levels(attribute, false, null))
                    {
                        Check(tree.ReportDiagnostic, tree.CancellationToken, compilation, use);
                    }
                }
            }
        }

        private static void Check(System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken, CompilationIndex compilation, ImmutableArray<LevelUse> uses)
        {
            foreach (var use in uses)
            {
                Check(report, cancellationToken, compilation, use);
            }
        }

        private static void Check(System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken, CompilationIndex compilation, LevelUse use)
        {
            if (use.Level.Length == 0)
            {
                report(Diagnostic.Create(Descriptors.EmptyLevel, AnnotationLocations.OfLevel(use, cancellationToken)));
            }
            else if (compilation.Order.HasDeclarations && !compilation.Order.IsDeclared(use.Level))
            {
                report(Diagnostic.Create(Descriptors.UnknownLevel, AnnotationLocations.OfLevel(use, cancellationToken), use.Level));
            }
        }
    }
}
