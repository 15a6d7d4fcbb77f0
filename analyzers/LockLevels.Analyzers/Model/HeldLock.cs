using System;

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
        {
            Level = level;
            Shared = shared;
            Origin = origin;
            Site = site;
            Depth = depth;
        }

        public string Level { get; }

        /// <summary>Held only as a reader on every path that holds it.</summary>
        public bool Shared { get; }

        public HeldOrigin Origin { get; }

        /// <summary>The acquisition site (an index the caller assigns), or -1 for a context level.</summary>
        public int Site { get; }

        /// <summary>Re-entrant depth, saturated at <see cref="MaxDepth"/> so loops reach a fixed point.</summary>
        public int Depth { get; }

        public bool Equals(HeldLock other)
            => Level == other.Level && Shared == other.Shared && Origin == other.Origin && Site == other.Site && Depth == other.Depth;

        public override bool Equals(object? obj) => obj is HeldLock other && Equals(other);

        public override int GetHashCode() => (Level.GetHashCode() * 31 + Site) * 31 + Depth;

        public override string ToString() => Level + (Shared ? "(r)" : "") + "@" + Site + "x" + Depth;
    }
}
