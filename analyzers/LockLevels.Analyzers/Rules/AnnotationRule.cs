using System;
using LockLevels.Analyzers.Annotations;
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
                var compilation = CompilationIndex.For(start.Compilation, start.Options);
                if (compilation.Symbols.HasAnnotations || compilation.Symbols.LockHierarchy != null)
                {
                    onStart(start, compilation);
                }
            });
        }

        /// <summary>
        /// Calls <paramref name="check"/> with each local function and lambda that carries attributes, which
        /// symbol actions never visit. A syntax-node action, not an operation action: an operation action
        /// makes the driver build every body's operation tree, which is most of what an analyzer can cost.
        /// </summary>
        public static void RegisterForFunctions(CompilationStartAnalysisContext start, Action<IMethodSymbol, SyntaxNodeAnalysisContext> check)
        {
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    // Only these two can carry attributes (a simple lambda or anonymous method cannot).
                    var symbol = node.Node switch
                    {
                        LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } function => node.SemanticModel.GetDeclaredSymbol(function, node.CancellationToken),
                        ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 } lambda => node.SemanticModel.GetSymbolInfo(lambda, node.CancellationToken).Symbol,
                        _ => null,
                    };
                    if (symbol is IMethodSymbol method)
                    {
                        check(method, node);
                    }
                },
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression);
        }

        /// <summary>Calls <paramref name="check"/> with every method, local function and lambda that can carry annotations.</summary>
        public static void RegisterForMethods(CompilationStartAnalysisContext start, Action<IMethodSymbol, Action<Diagnostic>, System.Threading.CancellationToken> check)
        {
            start.RegisterSymbolAction(symbol => check((IMethodSymbol)symbol.Symbol, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.Method);
            RegisterForFunctions(start, (function, node) => check(function, node.ReportDiagnostic, node.CancellationToken));
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
