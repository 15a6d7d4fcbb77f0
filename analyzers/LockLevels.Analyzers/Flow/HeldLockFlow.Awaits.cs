using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>The awaits of the body, with the locks acquired in it that may be held there.</summary>
    internal sealed partial class HeldLockFlow
    {
        private void RecordAwait(IOperation operation, HeldLockSet state)
        {
            if (AwaitPoint.KeywordOf(operation) is not { } keyword)
            {
                return;
            }

            var held = ImmutableArray<HeldAtAwait>.Empty;
            foreach (var lockHeld in state.Locks)
            {
                if (lockHeld.Origin == HeldOrigin.Acquired)
                {
                    var site = _sites[lockHeld.Site];
                    held = held.Add(new HeldAtAwait(lockHeld.Level, site.Event.Primitive, site.Event.Acquirer, site.Location, site.Event.Description, site.Event.Member));
                }
            }

            _facts.Awaits.Add(new AwaitPoint(keyword, held));
        }
    }
}
