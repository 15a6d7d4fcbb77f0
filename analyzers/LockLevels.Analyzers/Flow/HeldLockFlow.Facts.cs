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
                acquisition.Inferred && acquisition.Object is { Owner: ObjectPaths.This, OwnersOwn: true }, acquisition.Object, acquisition.Upgradeable, state.TryGet(acquisition.Level, out var held) ? SitesOf(held, ImmutableArray.CreateBuilder<HeldSite>()) : default,
                FlagGuards.Of(acquisition.Operation, _facts.Method), !state.Contains(acquisition.Level) && _facts.HandedBack.Contains(acquisition.Level)));

        /// <summary>Every acquisition of the body held in <paramref name="state"/>, with its object (context levels have none).</summary>
        private ImmutableArray<HeldSite> HeldSites(HeldLockSet state)
        {
            if (state.IsEmpty)
            {
                return ImmutableArray<HeldSite>.Empty;
            }

            if (ReferenceEquals(state, _heldSitesOf))
            {
                return _heldSites;
            }

            var sites = ImmutableArray.CreateBuilder<HeldSite>();
            foreach (var held in state.Locks)
            {
                SitesOf(held, sites);
            }

            _heldSitesOf = state;
            _heldSites = sites.ToImmutable();
            return _heldSites;
        }

        private ImmutableArray<HeldSite> SitesOf(HeldLock held, ImmutableArray<HeldSite>.Builder sites)
        {
            foreach (int index in held.Sites)
            {
                var site = _sites[index];
                sites.Add(new HeldSite(held.Level, site.Location, site.Description, site.Object, site.Shared, site.Upgradeable, IsRestoring(index)));
            }

            return sites.ToImmutable();
        }

        /// <summary>The held site a release of <paramref name="release"/>'s object gives back: the latest taken on that object, or -1.</summary>
        private int ReleasedSite(LockEvent release, HeldLockSet state)
        {
            if (release.Object?.Path is not { } path || !state.TryGet(release.Level, out var held))
            {
                return -1;
            }

            for (int i = held.Sites.Length - 1; i >= 0; i--)
            {
                if (_sites[held.Sites[i]].Object?.Path == path)
                {
                    return held.Sites[i];
                }
            }

            return -1;
        }

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
            public Site(LockEvent acquisition, bool escapes, LockObject? renamed = null, bool isRenamed = false)
            {
                Event = acquisition;
                Escapes = escapes;
                _renamed = renamed;
                _isRenamed = isRenamed;
            }

            private readonly LockObject? _renamed;
            private readonly bool _isRenamed;

            /// <summary>The acquisition made here.</summary>
            public LockEvent Event { get; }

            public Location Location => Event.Location;

            /// <summary>The scope the acquisition returned leaves the method: its owner, not this method, releases it.</summary>
            public bool Escapes { get; }

            public bool Inferred => Event.Inferred;

            public string Description => Event.Description;

            /// <summary>The lock object as the body names it now: a local reassigned since names another object.</summary>
            public LockObject? Object => _isRenamed ? _renamed : Event.Object;

            public bool Shared => Event.Shared;

            public bool Upgradeable => Event.Upgradeable;
        }
    }
}
