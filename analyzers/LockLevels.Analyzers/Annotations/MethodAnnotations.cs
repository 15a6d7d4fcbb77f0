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
            ImmutableArray<LevelUse> calledWithLocksNotHeld, ImmutableArray<LevelUse> receiverAcquires = default, ImmutableArray<LevelUse> receiverReleases = default,
            string? selfLevel = null)
        {
            CalledWithLocksNotHeld = calledWithLocksNotHeld;
            Acquires = acquires;
            Releases = releases;
            MightAcquire = mightAcquire;
            CalledWithLocksHeld = calledWithLocksHeld;
            ReceiverAcquires = receiverAcquires.IsDefault ? ImmutableArray<LevelUse>.Empty : receiverAcquires;
            ReceiverReleases = receiverReleases.IsDefault ? ImmutableArray<LevelUse>.Empty : receiverReleases;
            SelfLevel = selfLevel;
        }

        public ImmutableArray<LevelUse> Acquires { get; }

        public ImmutableArray<LevelUse> Releases { get; }

        public ImmutableArray<LevelUse> MightAcquire { get; }

        public ImmutableArray<LevelUse> CalledWithLocksHeld { get; }

        /// <summary>Levels that must not be held when the method is entered (LL0011).</summary>
        public ImmutableArray<LevelUse> CalledWithLocksNotHeld { get; }

        /// <summary>
        /// [Acquires] without a level (on a custom lock type): the call acquires the level of the object it
        /// is called on, resolved at each call site from the receiver's [Lock] (<c>Flow/LockEventClassifier</c>).
        /// Their <see cref="LevelUse.Level"/> is empty.
        /// </summary>
        public ImmutableArray<LevelUse> ReceiverAcquires { get; }

        /// <summary>[Releases] without a level: the call releases the level of the object it is called on.</summary>
        public ImmutableArray<LevelUse> ReceiverReleases { get; }

        /// <summary>
        /// For a method with receiver-level annotations whose type (or a base type) is [Lock("Level")]: that
        /// level, which is what the method's own body takes and drops on <c>this</c> (the implementation of
        /// the declared acquisition), so the body's balance and its callers' summaries count it as declared.
        /// </summary>
        public string? SelfLevel { get; }

        public bool IsEmpty => Acquires.IsEmpty && Releases.IsEmpty && MightAcquire.IsEmpty && CalledWithLocksHeld.IsEmpty && CalledWithLocksNotHeld.IsEmpty
            && ReceiverAcquires.IsEmpty && ReceiverReleases.IsEmpty;

        /// <summary>What the method does to locks is written on it ([Acquires], [Releases], [MightAcquire]), not left to its body.</summary>
        public bool DeclaresLockEffects => !Acquires.IsEmpty || !Releases.IsEmpty || !MightAcquire.IsEmpty || IsReceiverLevel;

        /// <summary>The method is [Acquires] or [Releases] without a level: the level is its receiver's.</summary>
        public bool IsReceiverLevel => !ReceiverAcquires.IsEmpty || !ReceiverReleases.IsEmpty;

        public bool AcquiresLevel(string level) => Contains(Acquires, level) || (!ReceiverAcquires.IsEmpty && level == SelfLevel);

        public bool ReleasesLevel(string level) => Contains(Releases, level) || (!ReceiverReleases.IsEmpty && level == SelfLevel);

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
