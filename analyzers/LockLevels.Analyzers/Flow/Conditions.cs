using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Where a branch can tell whether a lock was taken: the call whose bool result it tests, and the
    /// bool locals that keep such a result (a lowered lock statement's lock-taken flag, <c>bool ok = sem.Wait(t)</c>).
    /// </summary>
    internal static class Conditions
    {
        /// <summary>
        /// The call whose bool result a branch tests, through await, ConfigureAwait, !, "is false" and
        /// "== false"; <paramref name="negated"/> says the branch value is true when the call returned false.
        /// </summary>
        public static IInvocationOperation? TestedCall(IOperation operation, out bool negated)
        {
            negated = false;
            for (int step = 0; step < 8; step++)
            {
                operation = ValueResolver.StripConversions(operation);
                switch (operation)
                {
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                        operation = task;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        negated = !negated;
                        operation = not.Operand;
                        continue;
                    case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } pattern:
                        negated ^= !expected;
                        operation = pattern.Value;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, RightOperand.ConstantValue: { HasValue: true, Value: bool compared } } comparison:
                        negated ^= compared == (comparison.OperatorKind == BinaryOperatorKind.NotEquals);
                        operation = comparison.LeftOperand;
                        continue;
                    case IInvocationOperation invocation:
                        return invocation;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The bool locals that say whether a lock was taken, with the level: the one Monitor.Enter(x, ref taken)
        /// sets (a lowered lock statement has one), and a local holding a TryEnter or Wait(timeout) result.
        /// </summary>
        public static Dictionary<ILocalSymbol, string> LockTakenFlags(ControlFlowGraph graph, LockSymbols symbols, LockEventClassifier classifier, ValueResolver resolver)
        {
            var flags = new Dictionary<ILocalSymbol, string>(SymbolEqualityComparer.Default);
            var events = new List<LockEvent>();
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        switch (descendant)
                        {
                            // Monitor.Enter(x, ref taken), SpinLock.Enter(ref taken).
                            case IInvocationOperation invocation when SetsLockTakenFlag(symbols, invocation.TargetMethod.ContainingType):
                                foreach (var argument in invocation.Arguments)
                                {
                                    if (argument.Parameter?.RefKind == RefKind.Ref && argument.Value is ILocalReferenceOperation taken)
                                    {
                                        Add(flags, taken.Local, invocation, classifier, resolver, events);
                                    }
                                }

                                break;

                            // bool ok = sem.Wait(timeout); if (ok) ...: the result kept in a local is the flag.
                            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation flag } assignment
                                when flag.Local.Type.SpecialType == SpecialType.System_Boolean
                                    && TestedCall(assignment.Value, out bool negated) is { } tried
                                    && !negated
                                    && classifier.IsConditionalAcquisition(tried):
                                Add(flags, flag.Local, tried, classifier, resolver, events);
                                break;
                        }
                    }
                }
            }

            return flags;
        }

        private static bool SetsLockTakenFlag(LockSymbols symbols, INamedTypeSymbol? type)
            => type != null && (SymbolEqualityComparer.Default.Equals(type, symbols.Monitor) || SymbolEqualityComparer.Default.Equals(type, symbols.SpinLock));

        private static void Add(Dictionary<ILocalSymbol, string> flags, ILocalSymbol flag, IInvocationOperation acquisition, LockEventClassifier classifier, ValueResolver resolver, List<LockEvent> events)
        {
            events.Clear();
            classifier.Classify(acquisition, resolver, events);
            foreach (var @event in events)
            {
                if (@event.Kind == LockEventKind.Acquire)
                {
                    flags[flag] = @event.Level;
                }
            }
        }
    }
}
