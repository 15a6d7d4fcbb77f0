using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// The levels that may be held at a program point (a may-analysis: a level held on any path
    /// into the point is in the set). Immutable, kept sorted by level so equality and joins are linear.
    /// </summary>
    public sealed class HeldLockSet : IEquatable<HeldLockSet>
    {
        public static readonly HeldLockSet Empty = new HeldLockSet(ImmutableArray<HeldLock>.Empty);

        private HeldLockSet(ImmutableArray<HeldLock> locks) => Locks = locks;

        /// <summary>Held levels, ordered by level name (ordinal).</summary>
        public ImmutableArray<HeldLock> Locks { get; }

        public bool IsEmpty => Locks.IsEmpty;

        public static HeldLockSet FromContext(IEnumerable<string> levels)
        {
            var set = Empty;
            foreach (var level in levels)
            {
                if (set.IndexOf(level) < 0)
                {
                    set = set.With(new HeldLock(level, shared: false, HeldOrigin.Context, site: -1, depth: 1));
                }
            }

            return set;
        }

        public bool Contains(string level) => IndexOf(level) >= 0;

        public bool TryGet(string level, out HeldLock held)
        {
            int index = IndexOf(level);
            held = index >= 0 ? Locks[index] : default;
            return index >= 0;
        }

        public HeldLockSet Acquire(string level, bool shared, int site)
        {
            int index = IndexOf(level);
            if (index < 0)
            {
                return With(new HeldLock(level, shared, HeldOrigin.Acquired, site, depth: 1));
            }

            var held = Locks[index];
            int depth = Math.Min(held.Depth + 1, HeldLock.MaxDepth);
            var sites = WithSite(held.Sites, site);
            return depth == held.Depth && sites == held.Sites
                ? this
                : new HeldLockSet(Locks.SetItem(index, new HeldLock(level, held.Shared && shared, held.Origin, held.Site, depth, sites)));
        }

        /// <summary>Releases one depth of the level; a level not held leaves the set unchanged.</summary>
        public HeldLockSet Release(string level) => Release(level, site: -1);

        /// <summary>
        /// Releases one depth of the level, taken at <paramref name="site"/> when that is known (the
        /// release names the same object): that site is no longer held, unless it is the only one.
        /// </summary>
        public HeldLockSet Release(string level, int site)
        {
            int index = IndexOf(level);
            if (index < 0)
            {
                return this;
            }

            var held = Locks[index];
            if (held.Depth <= 1)
            {
                return new HeldLockSet(Locks.RemoveAt(index));
            }

            var sites = held.Sites.Length > 1 && held.Sites.IndexOf(site) is var at && at >= 0 ? held.Sites.RemoveAt(at) : held.Sites;
            int first = site == held.Site && sites != held.Sites ? sites[0] : held.Site;
            return new HeldLockSet(Locks.SetItem(index, new HeldLock(level, held.Shared, held.Origin, first, held.Depth - 1, sites)));
        }

        /// <summary>
        /// The same levels with their acquisition sites renamed by <paramref name="map"/> (a site whose lock
        /// object has come to be named otherwise); returns this set when no site changes.
        /// </summary>
        public HeldLockSet MapSites(Func<int, int> map)
        {
            ImmutableArray<HeldLock>.Builder? changed = null;
            for (int i = 0; i < Locks.Length; i++)
            {
                var held = Locks[i];
                int site = held.Site >= 0 ? map(held.Site) : held.Site;
                bool differs = site != held.Site;
                var sites = ImmutableArray<int>.Empty;
                foreach (int other in held.Sites)
                {
                    int mapped = map(other);
                    differs |= mapped != other;
                    sites = WithSite(sites, mapped);
                }

                if (differs && changed == null)
                {
                    changed = ImmutableArray.CreateBuilder<HeldLock>(Locks.Length);
                    for (int j = 0; j < i; j++)
                    {
                        changed.Add(Locks[j]);
                    }
                }

                changed?.Add(differs ? new HeldLock(held.Level, held.Shared, held.Origin, site, held.Depth, sites) : held);
            }

            return changed == null ? this : new HeldLockSet(changed.MoveToImmutable());
        }

        /// <summary>
        /// Gives back everything taken at <paramref name="site"/>, whatever its depth (a loop's acquisitions,
        /// all released by a loop that pairs with it). The level stays held for its other sites, at no more depth
        /// than they are many: depth is kept per level, not per site, and a loop's site saturates it.
        /// </summary>
        public HeldLockSet ReleaseSite(string level, int site)
        {
            int index = IndexOf(level);
            if (index < 0)
            {
                return this;
            }

            var held = Locks[index];
            int at = held.Sites.IndexOf(site);
            if (at < 0)
            {
                return this;
            }

            var sites = held.Sites.RemoveAt(at);
            if (sites.IsEmpty && held.Origin == HeldOrigin.Acquired)
            {
                return new HeldLockSet(Locks.RemoveAt(index));
            }

            int first = held.Site == site && !sites.IsEmpty ? sites[0] : held.Site;
            int depth = Math.Max(1, Math.Min(held.Depth, sites.Length));
            return new HeldLockSet(Locks.SetItem(index, new HeldLock(level, held.Shared, held.Origin, first, depth, sites)));
        }

        /// <summary>The union of two states: held if held on either path, at the greater depth.</summary>
        public HeldLockSet Join(HeldLockSet other)
        {
            if (ReferenceEquals(this, other) || other.IsEmpty)
            {
                return this;
            }

            if (IsEmpty)
            {
                return other;
            }

            var builder = ImmutableArray.CreateBuilder<HeldLock>(Locks.Length + other.Locks.Length);
            int i = 0, j = 0;
            while (i < Locks.Length || j < other.Locks.Length)
            {
                int compare = i == Locks.Length ? 1 : j == other.Locks.Length ? -1 : string.CompareOrdinal(Locks[i].Level, other.Locks[j].Level);
                if (compare < 0)
                {
                    builder.Add(Locks[i++]);
                }
                else if (compare > 0)
                {
                    builder.Add(other.Locks[j++]);
                }
                else
                {
                    builder.Add(Merge(Locks[i++], other.Locks[j++]));
                }
            }

            var joined = new HeldLockSet(builder.ToImmutable());
            return joined.Equals(this) ? this : joined;
        }

        public bool Equals(HeldLockSet? other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (other is null || other.Locks.Length != Locks.Length)
            {
                return false;
            }

            for (int i = 0; i < Locks.Length; i++)
            {
                if (!Locks[i].Equals(other.Locks[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as HeldLockSet);

        public override int GetHashCode()
        {
            int hash = Locks.Length;
            foreach (var held in Locks)
            {
                hash = hash * 31 + held.GetHashCode();
            }

            return hash;
        }

        public override string ToString() => "{" + string.Join(", ", Locks) + "}";

        private static HeldLock Merge(HeldLock a, HeldLock b)
        {
            // A level held as a context level on one path and acquired on the other keeps the
            // context origin; among two acquisition sites the earlier one is kept, so results do
            // not depend on the order paths are visited in.
            var origin = a.Origin == HeldOrigin.Context || b.Origin == HeldOrigin.Context ? HeldOrigin.Context : HeldOrigin.Acquired;
            int site = origin == HeldOrigin.Context ? -1 : Math.Min(a.Site, b.Site);
            var sites = a.Sites;
            foreach (var other in b.Sites)
            {
                sites = WithSite(sites, other);
            }

            return new HeldLock(a.Level, a.Shared && b.Shared, origin, site, Math.Max(a.Depth, b.Depth), sites);
        }

        private static ImmutableArray<int> WithSite(ImmutableArray<int> sites, int site)
        {
            int index = 0;
            while (index < sites.Length && sites[index] < site)
            {
                index++;
            }

            return index < sites.Length && sites[index] == site ? sites : sites.Insert(index, site);
        }

        private HeldLockSet With(HeldLock held)
        {
            int index = 0;
            while (index < Locks.Length && string.CompareOrdinal(Locks[index].Level, held.Level) < 0)
            {
                index++;
            }

            return new HeldLockSet(Locks.Insert(index, held));
        }

        private int IndexOf(string level)
        {
            for (int i = 0; i < Locks.Length; i++)
            {
                if (string.Equals(Locks[i].Level, level, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
