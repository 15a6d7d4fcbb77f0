using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Hand-backs: a body that runs with its caller's lock held gives it back (a release of what it does not
    /// hold) and takes it again, around a callback. The flow is a may-analysis, so in a loop the lock taken
    /// again in one iteration is held where the next one gives it back, and that release would look like one
    /// of the body's own. An acquisition made where the level is not held, after a hand-back in the order of
    /// the code, restores the caller's hold (a restoring site); a release of a level held only at restoring
    /// sites is a hand-back too. The largest such set of sites is found before the replay, which reads it.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        /// <summary>Set while the solve meets a release of a level not held: only then can the body give anything back.</summary>
        private bool _mayGiveBack;

        /// <summary>The lock events of the scan before the replay, in the replay's order; null when not scanning.</summary>
        private List<ScannedEvent>? _scan;

        /// <summary>The restoring sites; null when there are none.</summary>
        private HashSet<int>? _restoring;

        /// <summary>Finds the restoring sites (<see cref="_restoring"/>) from the solved states.</summary>
        private void FindRestoringSites()
        {
            if (!_mayGiveBack)
            {
                return;
            }

            _scan = new List<ScannedEvent>();
            foreach (var block in _graph.Blocks)
            {
                if (_in[block.Ordinal] is { } state && block.Kind == BasicBlockKind.Block)
                {
                    Transfer(block, state, report: false);
                }
            }

            var events = _scan;
            _scan = null;

            // Start from every acquisition made where its level is not held after a release of it, and drop
            // those no hand-back comes before until none is dropped: each drop can only turn hand-backs into
            // the body's own releases.
            var restoring = new HashSet<int>();
            var released = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var @event in events)
            {
                if (@event.IsRelease)
                {
                    released.Add(@event.Level);
                }
                else if (!@event.Held && released.Contains(@event.Level))
                {
                    restoring.Add(@event.Site);
                }
            }

            if (restoring.Count == 0)
            {
                return;
            }

            _restoring = restoring;
            var handedBack = new HashSet<string>(System.StringComparer.Ordinal);
            bool dropped = true;
            while (dropped)
            {
                dropped = false;
                handedBack.Clear();
                foreach (var @event in events)
                {
                    if (@event.IsRelease)
                    {
                        if (GivesBack(@event.Held, @event.Origin, @event.Sites))
                        {
                            handedBack.Add(@event.Level);
                        }
                    }
                    else if (restoring.Contains(@event.Site) && !handedBack.Contains(@event.Level))
                    {
                        restoring.Remove(@event.Site);
                        dropped = true;
                    }
                }
            }

            if (restoring.Count == 0)
            {
                _restoring = null;
            }
        }

        private bool IsRestoring(int site) => _restoring != null && _restoring.Contains(site);

        /// <summary>Whether a release in <paramref name="state"/> gives the level back to the caller.</summary>
        private bool GivesBack(string level, HeldLockSet state)
            => !state.TryGet(level, out var held) || GivesBack(true, held.Origin, held.Sites);

        private bool GivesBack(bool held, HeldOrigin origin, ImmutableArray<int> sites)
        {
            if (!held)
            {
                return true;
            }

            if (origin != HeldOrigin.Acquired || _restoring == null)
            {
                return false;
            }

            foreach (int site in sites)
            {
                if (!_restoring.Contains(site))
                {
                    return false;
                }
            }

            return true;
        }

        private void ScanRelease(string level, HeldLockSet state)
        {
            if (_scan == null)
            {
                return;
            }

            bool held = state.TryGet(level, out var lockHeld);
            _scan.Add(new ScannedEvent(true, level, -1, held, lockHeld.Origin, held ? lockHeld.Sites : ImmutableArray<int>.Empty));
        }

        private void ScanAcquisition(string level, int site, HeldLockSet state)
            => _scan?.Add(new ScannedEvent(false, level, site, state.Contains(level), HeldOrigin.Acquired, ImmutableArray<int>.Empty));

        /// <summary>A release (with what held its level), or an acquisition (with whether its level was held), as the scan met it.</summary>
        private readonly struct ScannedEvent
        {
            public ScannedEvent(bool isRelease, string level, int site, bool held, HeldOrigin origin, ImmutableArray<int> sites)
            {
                IsRelease = isRelease;
                Level = level;
                Site = site;
                Held = held;
                Origin = origin;
                Sites = sites;
            }

            public bool IsRelease { get; }

            public string Level { get; }

            public int Site { get; }

            public bool Held { get; }

            public HeldOrigin Origin { get; }

            public ImmutableArray<int> Sites { get; }
        }
    }
}
