using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// Intraprocedural held-lock tracking: a may-held data flow over one body's control flow graph
    /// (and, separately, over each lambda and local function in it), reporting order inversions,
    /// outer levels taken in deep contexts and unbalanced acquisitions.
    /// </summary>
    internal static class MethodLockAnalysis
    {
        public static MethodLockFacts Analyze(LockCompilation compilation, IOperation body, ISymbol owner, Func<IOperation, ControlFlowGraph?> getGraph, CancellationToken cancellationToken)
        {
            var classifier = new LockEventClassifier(compilation);
            var method = owner as IMethodSymbol;
            var context = method == null ? null : compilation.ContextOf(method);
            var calls = CallCollector.CollectUnlessTouchingLocks(compilation, classifier, body, method, context?.Levels ?? ImmutableArray<string>.Empty);
            if (!calls.IsDefault)
            {
                // Most bodies take no lock: their calls, for summaries, are all they contribute; no graph.
                return new MethodLockFacts(ImmutableArray<Finding>.Empty, calls);
            }

            var graph = getGraph(body);
            if (graph == null)
            {
                return MethodLockFacts.Empty;
            }

            var findings = new FindingSink();
            AnalyzeGraph(compilation, classifier, graph, method, context, findings, cancellationToken);
            return new MethodLockFacts(findings.ToImmutable(), findings.Records.ToImmutable());
        }

        private static void AnalyzeGraph(LockCompilation compilation, LockEventClassifier classifier, ControlFlowGraph graph, IMethodSymbol? owner, DeepContext? context, FindingSink findings, CancellationToken cancellationToken)
        {
            new HeldLockFlow(compilation, classifier, graph, owner, context, findings, cancellationToken).Run();

            // Lambdas and local functions run whenever they are invoked: each is its own body, with nothing held on entry.
            foreach (var localFunction in graph.LocalFunctions)
            {
                AnalyzeGraph(compilation, classifier, graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), localFunction, compilation.ContextOf(localFunction), findings, cancellationToken);
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    AnalyzeLambdas(compilation, classifier, graph, operation, findings, cancellationToken);
                }

                if (block.BranchValue != null)
                {
                    AnalyzeLambdas(compilation, classifier, graph, block.BranchValue, findings, cancellationToken);
                }
            }
        }

        private static void AnalyzeLambdas(LockCompilation compilation, LockEventClassifier classifier, ControlFlowGraph graph, IOperation operation, FindingSink findings, CancellationToken cancellationToken)
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
            {
                AnalyzeGraph(compilation, classifier, graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambda.Symbol, null, findings, cancellationToken);
                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                AnalyzeLambdas(compilation, classifier, graph, child, findings, cancellationToken);
            }
        }

        internal static string DisplayName(IMethodSymbol? method)
        {
            if (method == null)
            {
                return "this initializer";
            }

            switch (method.MethodKind)
            {
                case MethodKind.AnonymousFunction:
                    return "the lambda in " + DisplayName(method.ContainingSymbol as IMethodSymbol);
                case MethodKind.Constructor:
                case MethodKind.StaticConstructor:
                    return method.ContainingType.Name + " constructor";
                case MethodKind.PropertyGet:
                case MethodKind.PropertySet:
                case MethodKind.EventAdd:
                case MethodKind.EventRemove:
                    return method.AssociatedSymbol?.Name ?? method.Name;
                default:
                    return method.Name;
            }
        }



    }
}
