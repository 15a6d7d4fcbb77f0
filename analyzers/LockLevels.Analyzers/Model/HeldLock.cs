using System;
using System.Collections.Immutable;

namespace LockLevels.Analyzers.Model
{
    /// <summary>Where a held level came from.</summary>
    public enum HeldOrigin
    {
        /// <summary>Acquired in the method being analysed, at <see cref="HeldLock.Site"/>.</summary>
        Acquired,

        /// <summary>Held by every caller: the method is a deep context ([CalledWithLocksHeld]).</summary>
        Context,
    }

    /// <summary>One level held at a program point.</summary>
    public readonly struct HeldLock : IEquatable<HeldLock>
    {
        internal const int MaxDepth = 3;

        public HeldLock(string level, bool shared, HeldOrigin origin, int site, int depth)
            : this(level, shared, origin, site, depth, site >= 0 ? ImmutableArray.Create(site) : ImmutableArray<int>.Empty)
        {
        }

        public HeldLock(string level, bool shared, HeldOrigin origin, int site, int depth, ImmutableArray<int> sites)
        {
            Level = level;
            Shared = shared;
            Origin = origin;
            Site = site;
            Depth = depth;
            Sites = sites;
        }

        public string Level { get; }

        /// <summary>Held only as a reader on every path that holds it.</summary>
        public bool Shared { get; }

        public HeldOrigin Origin { get; }

        /// <summary>The acquisition site (an index the caller assigns), or -1 for a context level.</summary>
        public int Site { get; }

        /// <summary>Re-entrant depth, saturated at <see cref="MaxDepth"/> so loops reach a fixed point.</summary>
        public int Depth { get; }

        /// <summary>
        /// Every acquisition site of the level that may be held here, ascending: one lock class may be held
        /// on several objects, each taken at its own site.
        /// </summary>
        public ImmutableArray<int> Sites { get; }

        public bool Equals(HeldLock other)
            => Level == other.Level && Shared == other.Shared && Origin == other.Origin && Site == other.Site && Depth == other.Depth && SameSites(other);

        private bool SameSites(HeldLock other)
        {
            if (Sites.Length != other.Sites.Length)
            {
                return false;
            }

            for (int i = 0; i < Sites.Length; i++)
            {
                if (Sites[i] != other.Sites[i])
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is HeldLock other && Equals(other);

        public override int GetHashCode() => (Level.GetHashCode() * 31 + Site) * 31 + Depth;

        public override string ToString() => Level + (Shared ? "(r)" : "") + "@" + Site + "x" + Depth;
    }
}
