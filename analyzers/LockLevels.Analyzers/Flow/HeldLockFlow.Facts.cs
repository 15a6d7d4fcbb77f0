using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>The facts the replay records: what is held, where it was acquired, what is held at the end.</summary>
    internal sealed partial class HeldLockFlow
    {
        /// <summary>The levels held, context levels first (in declared order), then acquisitions in the order they were made.</summary>
        private ImmutableArray<string> Snapshot(HeldLockSet state)
        {
            if (state.IsEmpty)
            {
                return ImmutableArray<string>.Empty;
            }

            if (ReferenceEquals(state, _snapshotOf))
            {
                return _snapshot;
            }

            _snapshotOf = state;
            _snapshot = BuildSnapshot(state);
            return _snapshot;
        }

        private ImmutableArray<string> BuildSnapshot(HeldLockSet state)
        {
            var levels = ImmutableArray.CreateBuilder<string>(state.Locks.Length);
            if (_context != null)
            {
                foreach (var level in _context.Levels)
                {
                    if (state.TryGet(level, out var held) && held.Origin == HeldOrigin.Context)
                    {
                        levels.Add(level);
                    }
                }
            }

            var acquired = new List<HeldLock>();
            foreach (var held in state.Locks)
            {
                if (held.Origin == HeldOrigin.Acquired)
                {
                    acquired.Add(held);
                }
            }

            acquired.Sort((a, b) => a.Site.CompareTo(b.Site));
            foreach (var held in acquired)
            {
                levels.Add(held.Level);
            }

            return levels.ToImmutable();
        }

        private void RecordAcquisition(LockEvent acquisition, HeldLockSet state)
            => _facts.Acquisitions.Add(new Acquisition(acquisition.Level, acquisition.Shared, acquisition.Kind == LockEventKind.MightAcquire,
                acquisition.Location, acquisition.Description, Snapshot(state), HeldBefore(state), ClaimProperties.For(_index, acquisition), acquisition.Inferred,
                acquisition.OnOwnObject));

        private ImmutableArray<HeldBefore> HeldBefore(HeldLockSet state)
        {
            if (state.IsEmpty)
            {
                return ImmutableArray<HeldBefore>.Empty;
            }

            var held = ImmutableArray.CreateBuilder<HeldBefore>(state.Locks.Length);
            foreach (var lockHeld in state.Locks)
            {
                held.Add(lockHeld.Origin == HeldOrigin.Context
                    ? new HeldBefore(lockHeld.Level, fromContext: true, order: -1, site: null)
                    : new HeldBefore(lockHeld.Level, fromContext: false, lockHeld.Site, _sites[lockHeld.Site].Location));
            }

            return held.MoveToImmutable();
        }

        /// <summary>lock (a._sync) { lock (b._sync) { } }: the same class on two objects, in this order.</summary>
        private void RecordInstancePair(LockEvent acquisition, HeldLockSet state)
        {
            if (!acquisition.Inferred || acquisition.Receiver == null
                || !state.TryGet(acquisition.Level, out var held) || held.Origin != HeldOrigin.Acquired)
            {
                return;
            }

            var first = _sites[held.Site];
            if (first.Receiver != null && first.Receiver != acquisition.Receiver)
            {
                _facts.InstancePairs.Add(new InstancePair(acquisition.Level, first.Receiver, acquisition.Receiver, acquisition.Location, first.Location));
            }
        }

        /// <summary>An unlowered lock statement's level is released where its body ends, which a return inside it skips.</summary>
        private bool IsUnloweredLockSite(int site)
        {
            foreach (var (_, acquisition) in _unloweredLocks)
            {
                if (SiteOf(acquisition) == site)
                {
                    return true;
                }
            }

            return false;
        }

        private void RecordHeldAtExit(HeldLockSet exit)
        {
            foreach (var held in exit.Locks)
            {
                if (held.Origin == HeldOrigin.Acquired)
                {
                    var site = _sites[held.Site];
                    _facts.HeldAtExit.Add(new HeldAtExit(held.Level, site.Location, site.Escapes, site.Inferred, IsUnloweredLockSite(held.Site),
                        site.Event.Primitive, site.Event.Acquirer, site.Event.Description));
                }
            }
        }

        private int SiteOf(LockEvent acquisition)
        {
            var key = (acquisition.Operation, acquisition.Level);
            if (!_siteIndex.TryGetValue(key, out int index))
            {
                index = _sites.Count;
                bool escapes = acquisition.Operation is IInvocationOperation invocation && _classifier.ReturnsScope(invocation) && ScopeEscape.Escapes(_graph, invocation);
                _sites.Add(new Site(acquisition, escapes));
                _siteIndex.Add(key, index);
            }

            return index;
        }

        /// <summary>Where a held level was acquired in this body.</summary>
        private sealed class Site
        {
            public Site(LockEvent acquisition, bool escapes)
            {
                Event = acquisition;
                Escapes = escapes;
            }

            /// <summary>The acquisition made here.</summary>
            public LockEvent Event { get; }

            public Location Location => Event.Location;

            /// <summary>The scope the acquisition returned leaves the method: its owner, not this method, releases it.</summary>
            public bool Escapes { get; }

            public bool Inferred => Event.Inferred;

            public string? Receiver => Event.Receiver;
        }
    }
}
