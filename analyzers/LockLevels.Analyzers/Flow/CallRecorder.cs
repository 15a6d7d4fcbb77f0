using System;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The one place that decides what an operation contributes as a call: a call worth following (into
    /// source or annotated), an event subscription, an invocation of a deep-context member. Both walks
    /// feed it, the held-lock flow and the lock-free walk, so a body's calls never depend on whether
    /// the body happens to take a lock.
    /// </summary>
    internal sealed class CallRecorder
    {
        private readonly CompilationIndex _index;

        public CallRecorder(CompilationIndex index) => _index = index;

        /// <param name="held">The levels held at the operation, context levels first.</param>
        /// <param name="resolve">How the walk sees through temporaries and locals to a delegate's value.</param>
        public void Record(IOperation operation, ImmutableArray<string> held, BodyFacts facts, Func<IOperation, IOperation> resolve)
        {
            if (facts.Method != null && CallTargets.Subscription(operation, resolve) is { } subscription)
            {
                facts.Subscriptions.Add(subscription);
            }

            var target = CallTargets.Of(operation, resolve);
            if (target == null)
            {
                return;
            }

            if (facts.Method != null && _index.IsWorthRecording(target))
            {
                facts.Calls.Add(new Call(target, operation.Syntax, held));
            }

            if (operation is IInvocationOperation && _index.ContextOf(target) is { } required)
            {
                facts.DeepContextCalls.Add(new DeepContextCall(target, required, operation.Syntax.GetLocation(), held));
            }
        }
    }
}
