using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The facts of one body and of each lambda and local function in it. A body that touches no
    /// lock costs one walk of its operation tree (<see cref="LockFreeWalk"/>); one that does gets the
    /// held-lock flow over its control flow graph (<see cref="HeldLockFlow"/>).
    /// </summary>
    internal sealed class BodyAnalysis
    {
        private readonly CompilationIndex _index;
        private readonly LockEventClassifier _classifier;
        private readonly CallRecorder _recorder;
        private readonly WrapperEffects? _wrappers;

        /// <param name="wrappers">Inferred wrappers of the compilation; null analyses every call as before issue 13 (no wrapper is inferred).</param>
        public BodyAnalysis(CompilationIndex index, WrapperEffects? wrappers = null)
        {
            _index = index;
            _wrappers = wrappers;
            _classifier = new LockEventClassifier(index, wrappers);
            _recorder = new CallRecorder(index);
            wrappers?.Use(_classifier, _recorder);
        }

        public ImmutableArray<BodyFacts> Analyze(IOperation body, ISymbol owner, Func<IOperation, ControlFlowGraph?> getGraph, CancellationToken cancellationToken)
        {
            var method = owner as IMethodSymbol;
            var context = method == null ? null : _index.ContextOf(method);
            var lockFree = context == null && _wrappers != null && _wrappers.TryTakeLockFreeFacts(body, out var walked)
                ? walked
                : LockFreeWalk.FactsUnlessTouchingLocks(_classifier, _recorder, body, method, context);
            if (!lockFree.IsDefault)
            {
                // Most bodies take no lock: their calls, for summaries, are all they contribute; no graph.
                return lockFree;
            }

            var graph = getGraph(body);
            if (graph == null)
            {
                return ImmutableArray<BodyFacts>.Empty;
            }

            var bodies = new List<BodyFacts>();
            AnalyzeGraph(graph, method, context, bodies, cancellationToken);
            return bodies.ToImmutableArray();
        }

        private void AnalyzeGraph(ControlFlowGraph graph, IMethodSymbol? owner, DeepContext? context, List<BodyFacts> bodies, CancellationToken cancellationToken)
        {
            var facts = HeldLockFlow.Run(_index, _classifier, _recorder, graph, owner, context, cancellationToken);

            // The effect callers see is the one computed for them (once, in WrapperEffects), so the body's own
            // rules and its callers always agree on whether it is a wrapper.
            if (owner != null && _wrappers != null && _wrappers.Of(owner) is { IsEmpty: false } effect)
            {
                facts.Effect = effect;
            }

            bodies.Add(facts);

            // Lambdas and local functions run whenever they are invoked: each is its own body, with nothing held on entry.
            foreach (var localFunction in graph.LocalFunctions)
            {
                AnalyzeGraph(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), localFunction, _index.ContextOf(localFunction), bodies, cancellationToken);
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    AnalyzeLambdas(graph, operation, bodies, cancellationToken);
                }

                if (block.BranchValue != null)
                {
                    AnalyzeLambdas(graph, block.BranchValue, bodies, cancellationToken);
                }
            }
        }

        private void AnalyzeLambdas(ControlFlowGraph graph, IOperation operation, List<BodyFacts> bodies, CancellationToken cancellationToken)
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
            {
                AnalyzeGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambda.Symbol, null, bodies, cancellationToken);
                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                AnalyzeLambdas(graph, child, bodies, cancellationToken);
            }
        }
    }
}
