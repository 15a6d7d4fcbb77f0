using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// One walk of a body's operation tree, without a control flow graph: it stops as soon as the
    /// body turns out to touch a lock (the flow analysis then takes over), and otherwise returns the
    /// body's calls for transitive summaries, which is all the most bodies ever need. Lambdas and
    /// local functions get records of their own; only the method itself runs with its deep-context
    /// levels held.
    /// </summary>
    internal sealed class CallCollector
    {
        private readonly LockCompilation _compilation;
        private readonly LockEventClassifier _classifier;
        private readonly List<MethodRecord> _records = new();
        private readonly Dictionary<ILocalSymbol, IOperation?> _delegateLocals = new(SymbolEqualityComparer.Default);
        private readonly Func<IOperation, IOperation> _resolve;

        private CallCollector(LockCompilation compilation, LockEventClassifier classifier)
        {
            _compilation = compilation;
            _classifier = classifier;
            _resolve = Resolve;
        }

        /// <summary>The body's records, or default when it touches a lock and needs the flow analysis.</summary>
        public static ImmutableArray<MethodRecord> CollectUnlessTouchingLocks(LockCompilation compilation, LockEventClassifier classifier, IOperation body, IMethodSymbol? method, ImmutableArray<string> contextLevels)
        {
            var collector = new CallCollector(compilation, classifier);
            var record = method == null ? null : collector.NewRecord(method, body);
            return collector.Walk(body, record, contextLevels) ? default : collector._records.ToImmutableArray();
        }

        private MethodRecord NewRecord(IMethodSymbol method, IOperation body)
        {
            var record = new MethodRecord(AnnotationReader.Normalize(method), body.Syntax.GetLocation());
            _records.Add(record);
            return record;
        }

        /// <summary>Records the calls under <paramref name="operation"/>; true as soon as a lock is touched.</summary>
        private bool Walk(IOperation operation, MethodRecord? record, ImmutableArray<string> held)
        {
            switch (operation)
            {
                case ILockOperation:
                    return true;
                case IMethodReferenceOperation reference when _classifier.MayAffectLocks(reference.Method):
                    return true;
                case IAnonymousFunctionOperation lambda:
                    return Walk(lambda.Body, NewRecord(lambda.Symbol, lambda), ImmutableArray<string>.Empty);
                case ILocalFunctionOperation localFunction:
                    return localFunction.Body != null && Walk(localFunction.Body, NewRecord(localFunction.Symbol, localFunction), ImmutableArray<string>.Empty);
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Assign(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Assign(local.Local, assignment.Value);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (Walk(child, record, held))
                {
                    return true;
                }
            }

            if (operation is IInvocationOperation invocation && _classifier.MayAffectLocks(invocation.TargetMethod))
            {
                return true;
            }

            if (record != null && CallTargets.Of(operation, _resolve) is { } target && _compilation.IsWorthRecording(target))
            {
                record.Calls.Add(new CallRecord(target, operation.Syntax, held));
            }

            if (record != null && CallTargets.Subscription(operation, _resolve) is { } subscription)
            {
                record.Subscriptions.Add(subscription);
            }

            return false;
        }

        /// <summary>A local assigned more than once is not followed: which delegate it holds depends on the path.</summary>
        private void Assign(ILocalSymbol local, IOperation value)
            => _delegateLocals[local] = _delegateLocals.ContainsKey(local) ? null : value;

        private IOperation Resolve(IOperation value)
        {
            value = ValueResolver.StripConversions(value);
            if (value is IConditionalAccessInstanceOperation)
            {
                // Changed?.Invoke(...): the receiver is what the conditional access tested.
                for (var parent = value.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return ValueResolver.StripConversions(access.Operation);
                    }
                }
            }

            return value is ILocalReferenceOperation local && _delegateLocals.TryGetValue(local.Local, out var assigned) && assigned != null ? assigned : value;
        }
    }
}
