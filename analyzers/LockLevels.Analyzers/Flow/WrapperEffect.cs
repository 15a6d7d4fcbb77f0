using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// What an unannotated private or internal method (or a local function) does to its caller's locks on
    /// every normal path: the levels it returns holding that it acquired, and the levels it gives back that
    /// it never took. Its callers are analysed as if it carried [Acquires] or [Releases] for them
    /// (<see cref="WrapperEffects"/>); it is a fact of the method's body, not an annotation.
    /// </summary>
    internal sealed class WrapperEffect
    {
        public static readonly WrapperEffect None = new(ImmutableArray<WrapperLock>.Empty, ImmutableArray<WrapperLock>.Empty);

        public WrapperEffect(ImmutableArray<WrapperLock> acquires, ImmutableArray<WrapperLock> releases)
        {
            Acquires = acquires;
            Releases = releases;
        }

        /// <summary>Levels held on every normal path out of the body, acquired in it.</summary>
        public ImmutableArray<WrapperLock> Acquires { get; }

        /// <summary>Levels released on every normal path out of a body that leaves nothing of its own held.</summary>
        public ImmutableArray<WrapperLock> Releases { get; }

        public bool IsEmpty => Acquires.IsEmpty && Releases.IsEmpty;

        public bool AcquiresLevel(string level) => Contains(Acquires, level);

        public bool ReleasesLevel(string level) => Contains(Releases, level);

        private static bool Contains(ImmutableArray<WrapperLock> locks, string level)
        {
            foreach (var held in locks)
            {
                if (held.Level == level)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One level of a <see cref="WrapperEffect"/>, with the object in the wrapper's own terms.</summary>
    internal sealed class WrapperLock
    {
        public WrapperLock(string level, bool shared, bool inferred, LockObject? lockObject)
        {
            Level = level;
            Shared = shared;
            Inferred = inferred;
            Object = lockObject;
        }

        public string Level { get; }

        /// <summary>Held only as a reader: the caller takes it shared.</summary>
        public bool Shared { get; }

        /// <summary>A lock class inferred for an unannotated lock.</summary>
        public bool Inferred { get; }

        /// <summary>"this._gate", "param:node": translated to the call's receiver by <see cref="LockObject.SeenThrough"/>.</summary>
        public LockObject? Object { get; }
    }
}
