using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0901: a declared hierarchy that, with the others, orders some level before itself.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HierarchyCycleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HierarchyCycle);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
                AnnotationRule.RegisterForHierarchies(start, compilation, (tree, index, hierarchy) =>
                {
                    foreach (var problem in compilation.Order.Problems)
                    {
                        if (problem.ChainIndex == index && problem.Kind == HierarchyProblemKind.Cycle)
                        {
                            tree.ReportDiagnostic(Diagnostic.Create(Descriptors.HierarchyCycle,
                                AnnotationLocations.OfAttribute(hierarchy.Attribute, tree.CancellationToken), string.Join(" → ", problem.Levels)));
                        }
                    }
                }));
        }
    }
}
