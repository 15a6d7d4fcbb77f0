using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0902: a level listed more than once in one declared hierarchy.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LevelDeclaredTwiceAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LevelDeclaredTwice);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
                AnnotationRule.RegisterForHierarchies(start, compilation, (tree, index, hierarchy) =>
                {
                    foreach (var problem in compilation.Order.Problems)
                    {
                        if (problem.ChainIndex == index && problem.Kind == HierarchyProblemKind.LevelListedTwice)
                        {
                            tree.ReportDiagnostic(Diagnostic.Create(Descriptors.LevelDeclaredTwice,
                                SecondMention(hierarchy, problem.Levels[0], tree.CancellationToken), problem.Levels[0]));
                        }
                    }
                }));
        }

        private static Location SecondMention(DeclaredHierarchy hierarchy, string level, System.Threading.CancellationToken cancellationToken)
        {
            bool seen = false;
            foreach (var use in AnnotationReader.Levels(hierarchy.Attribute, false, null))
            {
                if (use.Level == level)
                {
                    if (seen)
                    {
                        return AnnotationLocations.OfLevel(use, cancellationToken);
                    }

                    seen = true;
                }
            }

            return AnnotationLocations.OfAttribute(hierarchy.Attribute, cancellationToken);
        }
    }
}
