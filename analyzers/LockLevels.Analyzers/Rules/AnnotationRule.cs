using System;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>Common registration for the LL09xx rules, which read annotations and never look at bodies.</summary>
    internal static class AnnotationRule
    {
        public static void Register(AnalysisContext context, Action<CompilationStartAnalysisContext, CompilationIndex> onStart)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = CompilationIndex.For(start.Compilation, start.Options);
                if (compilation.Symbols.HasAnnotations || compilation.Symbols.LockHierarchy != null)
                {
                    onStart(start, compilation);
                }
            });
        }

        /// <summary>The method a local function or lambda declares, which symbol actions never visit.</summary>
        public static IMethodSymbol? FunctionSymbol(IOperation operation) => operation switch
        {
            ILocalFunctionOperation localFunction => localFunction.Symbol,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };

        /// <summary>Reports what <paramref name="report"/> finds for hierarchies declared in the tree being analysed.</summary>
        public static void RegisterForHierarchies(CompilationStartAnalysisContext start, CompilationIndex compilation, Action<SyntaxTreeAnalysisContext, int, DeclaredHierarchy> report)
        {
            start.RegisterSyntaxTreeAction(tree =>
            {
                var hierarchies = compilation.Hierarchies;
                for (int index = 0; index < hierarchies.Length; index++)
                {
                    if (hierarchies[index].Attribute.ApplicationSyntaxReference?.SyntaxTree == tree.Tree)
                    {
                        report(tree, index, hierarchies[index]);
                    }
                }
            });
        }
    }
}
