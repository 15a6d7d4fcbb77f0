using System.Collections.Immutable;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// The lock annotations written on one method (not inherited ones); for an accessor, with those of
    /// its property or indexer that apply to every accessor ([CalledWithLocksHeld], [CalledWithLocksNotHeld]).
    /// </summary>
    internal sealed class MethodAnnotations
    {
        public static readonly MethodAnnotations None = new MethodAnnotations(
            ImmutableArray<LevelUse>.Empty, ImmutableArray<LevelUse>.Empty, ImmutableArray<LevelUse>.Empty, ImmutableArray<LevelUse>.Empty, ImmutableArray<LevelUse>.Empty);

        public MethodAnnotations(ImmutableArray<LevelUse> acquires, ImmutableArray<LevelUse> releases, ImmutableArray<LevelUse> mightAcquire, ImmutableArray<LevelUse> calledWithLocksHeld,
            ImmutableArray<LevelUse> calledWithLocksNotHeld)
        {
            CalledWithLocksNotHeld = calledWithLocksNotHeld;
            Acquires = acquires;
            Releases = releases;
            MightAcquire = mightAcquire;
            CalledWithLocksHeld = calledWithLocksHeld;
        }

        public ImmutableArray<LevelUse> Acquires { get; }

        public ImmutableArray<LevelUse> Releases { get; }

        public ImmutableArray<LevelUse> MightAcquire { get; }

        public ImmutableArray<LevelUse> CalledWithLocksHeld { get; }

        /// <summary>Levels that must not be held when the method is entered (LL0011).</summary>
        public ImmutableArray<LevelUse> CalledWithLocksNotHeld { get; }

        public bool IsEmpty => Acquires.IsEmpty && Releases.IsEmpty && MightAcquire.IsEmpty && CalledWithLocksHeld.IsEmpty && CalledWithLocksNotHeld.IsEmpty;

        public bool AcquiresLevel(string level) => Contains(Acquires, level);

        public bool ReleasesLevel(string level) => Contains(Releases, level);

        public bool MightAcquireLevel(string level) => Contains(MightAcquire, level);

        /// <summary>The method's own annotations say it takes, drops or may take the level.</summary>
        public bool Declares(string level) => AcquiresLevel(level) || ReleasesLevel(level) || MightAcquireLevel(level);

        private static bool Contains(ImmutableArray<LevelUse> uses, string level)
        {
            foreach (var use in uses)
            {
                if (use.Level == level)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
