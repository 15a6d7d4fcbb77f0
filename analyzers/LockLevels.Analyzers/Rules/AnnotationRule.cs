using System;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>Common registration for the LL09xx rules, which read annotations and never look at bodies.</summary>
    internal static class AnnotationRule
    {
        public static void Register(AnalysisContext context, Action<CompilationStartAnalysisContext, CompilationIndex> onStart)
        {
            context.RegisterCompilationStartAction(start =>
            {
                if (!AnnotationPresence.MayExist(start.Compilation))
                {
                    return;
                }

                var compilation = CompilationIndex.For(start.Compilation, start.Options);
                if (compilation.Symbols.HasAnnotations || compilation.Symbols.LockHierarchy != null)
                {
                    onStart(start, compilation);
                }
            });
        }

        /// <summary>
        /// Calls <paramref name="check"/> with each local function and lambda that carries attributes, which
        /// symbol actions never visit, as the first pass found them: one semantic-model action per tree,
        /// neither a syntax-node action (which makes the driver walk every declaration for this analyzer)
        /// nor an operation action (which makes it build every body's operation tree).
        /// </summary>
        public static void RegisterForFunctions(CompilationStartAnalysisContext start, Action<IMethodSymbol, Action<Diagnostic>, CancellationToken> check)
        {
            var reach = ReachCache.For(start.Compilation, start.CancellationToken);
            start.RegisterSemanticModelAction(tree =>
            {
                foreach (var function in reach.AttributedFunctionsIn(tree.SemanticModel.SyntaxTree))
                {
                    var symbol = function switch
                    {
                        LocalFunctionStatementSyntax local => tree.SemanticModel.GetDeclaredSymbol(local, tree.CancellationToken),
                        ParenthesizedLambdaExpressionSyntax lambda => tree.SemanticModel.GetSymbolInfo(lambda, tree.CancellationToken).Symbol,
                        _ => null,
                    };
                    if (symbol is IMethodSymbol method)
                    {
                        check(method, tree.ReportDiagnostic, tree.CancellationToken);
                    }
                }
            });
        }

        /// <summary>Calls <paramref name="check"/> with every method, local function and lambda that can carry annotations.</summary>
        public static void RegisterForMethods(CompilationStartAnalysisContext start, Action<IMethodSymbol, Action<Diagnostic>, CancellationToken> check)
        {
            start.RegisterSymbolAction(symbol => check((IMethodSymbol)symbol.Symbol, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.Method);
            RegisterForFunctions(start, check);
        }

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
