using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Catch handlers: which try regions they guard, and the state a throw brings them.</summary>
    internal sealed partial class HeldLockFlow
    {
        /// <summary>
        /// What a handler of <paramref name="region"/> may see: an exception can leave the try block anywhere,
        /// but one thrown inside a nested try/finally runs that finally first (a lock statement's release), so
        /// those states count as the finally leaves them; a block that starts by releasing counts as it is after
        /// those releases (<see cref="AtThrow"/>).
        /// </summary>
        private HeldLockSet? StateAtThrow(ControlFlowRegion region, HeldLockSet?[] states)
        {
            HeldLockSet? atThrow = null;
            int ordinal = region.FirstBlockOrdinal;
            foreach (var nested in region.NestedRegions)
            {
                for (; ordinal < nested.FirstBlockOrdinal; ordinal++)
                {
                    atThrow = Join(atThrow, AtThrow(ordinal, states[ordinal]));
                }

                if (nested.Kind == ControlFlowRegionKind.TryAndFinally && nested.NestedRegions.Length == 2)
                {
                    var finallyRegion = nested.NestedRegions[1];
                    if (StateAtThrow(nested.NestedRegions[0], states) is { } inTry)
                    {
                        atThrow = Join(atThrow, Solve(finallyRegion.FirstBlockOrdinal, finallyRegion.LastBlockOrdinal, inTry, new HeldLockSet?[_graph.Blocks.Length]));
                    }
                }
                else
                {
                    atThrow = Join(atThrow, StateAtThrow(nested, states));
                }

                ordinal = nested.LastBlockOrdinal + 1;
            }

            for (; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                atThrow = Join(atThrow, AtThrow(ordinal, states[ordinal]));
            }

            return atThrow;
        }

        /// <summary>
        /// The state an exception may leave block <paramref name="ordinal"/> with, entered in <paramref name="state"/>:
        /// its entry state, unless it starts by releasing. A release throws only when its lock is not held, so no
        /// exception leaves it, or the block, still holding what it releases: <c>try { _gate.Release(); await
        /// callback(); } finally { await _gate.WaitAsync(); }</c> enters its finally without the lock either way.
        /// </summary>
        private HeldLockSet? AtThrow(int ordinal, HeldLockSet? state)
        {
            if (state == null || state.IsEmpty)
            {
                return state;
            }

            foreach (var operation in _graph.Blocks[ordinal].Operations)
            {
                if (operation is not IExpressionStatementOperation { Operation: IInvocationOperation invocation } || !OnlyReleases(invocation))
                {
                    break;
                }

                state = Apply(invocation, state, report: false);
            }

            return state;
        }

        /// <summary>A release whose receiver and arguments are plain values (nothing else in it can throw first), that releases and takes nothing.</summary>
        private bool OnlyReleases(IInvocationOperation invocation)
        {
            if (!IsPlainValue(invocation.Instance))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (!IsPlainValue(argument.Value))
                {
                    return false;
                }
            }

            _events.Clear();
            _classifier.Classify(invocation, _resolver, _events);
            if (_events.Count == 0)
            {
                return false;
            }

            foreach (var @event in _events)
            {
                if (@event.Kind != LockEventKind.Release)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPlainValue(IOperation? value)
            => value switch
            {
                null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation => true,
                IFieldReferenceOperation field => IsPlainValue(field.Instance),
                IConversionOperation conversion => conversion.OperatorMethod == null && IsPlainValue(conversion.Operand),
                _ => false,
            };

        private void CollectHandlers(ControlFlowRegion region)
        {
            if (region.Kind == ControlFlowRegionKind.TryAndCatch && region.NestedRegions.Length > 1)
            {
                var tryRegion = region.NestedRegions[0];
                for (int i = 1; i < region.NestedRegions.Length; i++)
                {
                    _handlers.Add((region.NestedRegions[i].FirstBlockOrdinal, tryRegion));
                }
            }

            foreach (var nested in region.NestedRegions)
            {
                CollectHandlers(nested);
            }
        }
    }
}
