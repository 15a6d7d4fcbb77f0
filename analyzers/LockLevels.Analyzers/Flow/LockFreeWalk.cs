using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// One walk of a body's operation tree, without a control flow graph: it stops as soon as the
    /// body turns out to touch a lock (the held-lock flow then takes over), and otherwise hands the
    /// body's calls to the <see cref="CallRecorder"/>, which is all most bodies ever need. Lambdas
    /// and local functions get facts of their own; the method, and a local function that is
    /// [CalledWithLocksHeld] itself, run with their deep-context levels held.
    /// </summary>
    internal sealed class LockFreeWalk
    {
        private readonly LockEventClassifier _classifier;
        private readonly CallRecorder _recorder;
        private readonly List<BodyFacts> _bodies = new();
        private readonly Dictionary<ILocalSymbol, IOperation?> _delegateLocals = new(SymbolEqualityComparer.Default);
        private readonly Func<IOperation, IOperation> _resolve;

        // False when only whether the body touches a lock is asked: nothing is recorded.
        private readonly bool _records;

        private LockFreeWalk(LockEventClassifier classifier, CallRecorder recorder, bool records = true)
        {
            _classifier = classifier;
            _recorder = recorder;
            _resolve = Resolve;
            _records = records;
        }

        /// <summary>The facts of the body and its lambdas, or default when it touches a lock and needs the flow.</summary>
        public static ImmutableArray<BodyFacts> FactsUnlessTouchingLocks(LockEventClassifier classifier, CallRecorder recorder, IOperation body, IMethodSymbol? method, DeepContext? context)
        {
            var walk = new LockFreeWalk(classifier, recorder);
            var facts = walk.NewBody(method, body, context)!;
            return walk.Walk(body, facts, context?.Levels ?? ImmutableArray<string>.Empty) ? default : walk._bodies.ToImmutableArray();
        }

        /// <summary>
        /// Whether the body (or a lambda or local function in it) touches a lock, as the walk that records
        /// would find, without recording: what wrapper inference asks of a callee first, whose facts its own
        /// analysis records.
        /// </summary>
        public static bool TouchesLocks(LockEventClassifier classifier, CallRecorder recorder, IOperation body)
            => new LockFreeWalk(classifier, recorder, records: false).Walk(body, null, ImmutableArray<string>.Empty);

        private BodyFacts? NewBody(IMethodSymbol? method, IOperation body, DeepContext? context)
        {
            if (!_records)
            {
                return null;
            }

            var facts = new BodyFacts(method == null ? null : AnnotationReader.Normalize(method), body.Syntax.GetLocation(), context);
            _bodies.Add(facts);
            return facts;
        }

        /// <summary>Records the calls under <paramref name="operation"/>; true as soon as a lock is touched.</summary>
        private bool Walk(IOperation operation, BodyFacts? facts, ImmutableArray<string> held)
        {
            switch (operation)
            {
                case ILockOperation:
                    return true;
                case IMethodReferenceOperation reference when _classifier.MayAffectLocks(reference.Method):
                    return true;
                case IUsingOperation @using when DisposesLocks(@using.Resources):
                    return true;
                case IUsingDeclarationOperation @using when DisposesLocks(@using.DeclarationGroup):
                    return true;
                case IAnonymousFunctionOperation lambda:
                    return Walk(lambda.Body, NewBody(lambda.Symbol, lambda, null), ImmutableArray<string>.Empty);
                case ILocalFunctionOperation localFunction:
                    // A local function can be a deep context of its own, as in the held-lock flow.
                    var context = _recorder.Index.ContextOf(localFunction.Symbol);
                    return localFunction.Body != null
                        && Walk(localFunction.Body, NewBody(localFunction.Symbol, localFunction, context), context?.Levels ?? ImmutableArray<string>.Empty);
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Assign(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Assign(local.Local, assignment.Value);
                    break;
                case IArgumentOperation { Parent: IInvocationOperation taking } argument when ValueResolver.DelegateOutLocal(argument) is { } written:
                    Assign(written, taking);
                    break;
                case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: { Type.TypeKind: TypeKind.Delegate } element } } loop:
                    // foreach (var next in _work) next(): the element comes out of the collection.
                    Assign(element, loop.Collection);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (Walk(child, facts, held))
                {
                    return true;
                }
            }

            if (operation is IInvocationOperation invocation && _classifier.MayAffectLocks(invocation.TargetMethod))
            {
                return true;
            }

            if (facts == null)
            {
                return false;
            }

            _recorder.Record(operation, held, facts, _resolve);
            if (AwaitPoint.KeywordOf(operation) is { } keyword)
            {
                facts.Awaits.Add(new AwaitPoint(keyword, ImmutableArray<HeldAtAwait>.Empty));
            }

            return false;
        }

        /// <summary>A using whose resource's own Dispose releases a level ([Releases], or an inferred wrapper): the flow sees the release.</summary>
        private bool DisposesLocks(IOperation resources)
        {
            if (resources is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (_classifier.DisposalAffectsLocks(declarator.Symbol.Type))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            return _classifier.DisposalAffectsLocks(ValueResolver.StripConversions(resources).Type);
        }

        /// <summary>A local assigned more than once is not followed: which delegate it holds depends on the path.</summary>
        private void Assign(ILocalSymbol local, IOperation value)
        {
            if (_records)
            {
                _delegateLocals[local] = _delegateLocals.ContainsKey(local) ? null : value;
            }
        }

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
