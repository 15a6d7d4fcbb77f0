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
        /// those states count as the finally leaves them.
        /// </summary>
        private HeldLockSet? StateAtThrow(ControlFlowRegion region, HeldLockSet?[] states)
        {
            HeldLockSet? atThrow = null;
            int ordinal = region.FirstBlockOrdinal;
            foreach (var nested in region.NestedRegions)
            {
                for (; ordinal < nested.FirstBlockOrdinal; ordinal++)
                {
                    atThrow = Join(atThrow, states[ordinal]);
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
                atThrow = Join(atThrow, states[ordinal]);
            }

            return atThrow;
        }

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
