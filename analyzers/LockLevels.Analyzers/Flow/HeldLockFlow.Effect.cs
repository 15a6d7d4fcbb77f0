using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// What the body does to its caller's locks on every normal path out (exceptional exits do not count):
    /// the flow itself is a may-analysis, so "held on every path" is read from the state each branch into
    /// the exit carries, and "released on every path" from a second solve that starts with the released
    /// levels held, where a level still held at the end was not given back on some path.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        private WrapperEffect InferEffect()
        {
            int exitOrdinal = _graph.Blocks.Length - 1;
            var exit = _in[exitOrdinal];
            if (exit == null)
            {
                return WrapperEffect.None;
            }

            var paths = ExitPathStates();
            var acquires = ImmutableArray.CreateBuilder<WrapperLock>();
            bool leavesHeld = false;
            foreach (var held in exit.Locks)
            {
                if (held.Origin != HeldOrigin.Acquired || IsUnloweredLockSite(held.Site))
                {
                    continue;
                }

                leavesHeld = true;

                // Given back and taken again (a retry that hands its caller's lock back): the caller holds it
                // before and after, which is no acquisition of the call.
                if (HeldOnEvery(paths, held.Level) && !_facts.HandedBack.Contains(held.Level))
                {
                    var site = _sites[held.Site];
                    acquires.Add(new WrapperLock(held.Level, held.Shared, site.Inferred, site.Object));
                }
            }

            var releases = ImmutableArray.CreateBuilder<WrapperLock>();
            if (!leavesHeld && _facts.UnheldReleases.Count > 0)
            {
                // A body that only gives back: solve again holding what it releases; what is still
                // held where it ends was not released on some path.
                var released = new List<Release>();
                var levels = new List<string>();
                if (_context != null)
                {
                    levels.AddRange(_context.Levels);
                }

                foreach (var release in _facts.UnheldReleases)
                {
                    if (!levels.Contains(release.Level))
                    {
                        levels.Add(release.Level);
                        released.Add(release);
                    }
                }

                var states = new HeldLockSet?[_graph.Blocks.Length];
                Solve(0, exitOrdinal, HeldLockSet.FromContext(levels), states);
                foreach (var release in released)
                {
                    if (states[exitOrdinal] is not { } end || !end.Contains(release.Level))
                    {
                        releases.Add(new WrapperLock(release.Level, false, release.Inferred, release.Object));
                    }
                }
            }

            return acquires.Count + releases.Count == 0 ? WrapperEffect.None : new WrapperEffect(acquires.ToImmutable(), releases.ToImmutable());
        }

        private static bool HeldOnEvery(List<HeldLockSet> paths, string level)
        {
            foreach (var path in paths)
            {
                if (!path.TryGet(level, out var held) || held.Origin != HeldOrigin.Acquired)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The state each normal branch into the exit block brings, after the finally regions it runs.</summary>
        private List<HeldLockSet> ExitPathStates()
        {
            var paths = new List<HeldLockSet>();
            var exitBlock = _graph.Blocks[_graph.Blocks.Length - 1];
            foreach (var branch in exitBlock.Predecessors)
            {
                var source = branch.Source;
                if (_in[source.Ordinal] is not { } state || source.Kind != BasicBlockKind.Block)
                {
                    continue;
                }

                var (whenFalse, whenTrue) = Transfer(source, state, report: false);
                bool conditionalOnTrue = source.ConditionKind == ControlFlowConditionKind.WhenTrue;
                HeldLockSet? taken = branch.IsConditionalSuccessor == conditionalOnTrue ? whenTrue : whenFalse;
                foreach (var region in branch.FinallyRegions)
                {
                    // A finally that never completes (it throws) leaves nothing to this path.
                    taken = taken == null ? null : Solve(region.FirstBlockOrdinal, region.LastBlockOrdinal, taken, new HeldLockSet?[_graph.Blocks.Length]);
                }

                if (taken != null)
                {
                    paths.Add(taken);
                }
            }

            return paths;
        }
    }
}
