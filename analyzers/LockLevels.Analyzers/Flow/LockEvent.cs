using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Flow
{
    internal enum LockEventKind
    {
        Acquire,
        Release,

        /// <summary>Counts for ordering like an acquisition, but leaves nothing held (lockdep's might_lock).</summary>
        MightAcquire,
    }

    /// <summary>One effect on held levels that an operation has.</summary>
    internal readonly struct LockEvent
    {
        public LockEvent(LockEventKind kind, string level, bool shared, IOperation operation, Location location, string description, bool isDisposal = false, bool inferred = false, LockObject? lockObject = null, bool isTry = false, bool upgradeable = false)
        {
            IsTry = isTry;
            Description = description;
            Inferred = inferred;
            Object = lockObject;
            Upgradeable = upgradeable;
            Kind = kind;
            Level = level;
            Shared = shared;
            Operation = operation;
            Location = location;
            IsDisposal = isDisposal;
        }

        public LockEventKind Kind { get; }

        public string Level { get; }

        public bool Shared { get; }

        /// <summary>The operation with the effect (for an acquisition: its site).</summary>
        public IOperation Operation { get; }

        /// <summary>Where a diagnostic about this event goes.</summary>
        public Location Location { get; }

        /// <summary>What takes the level, for call chains: "SuperBlock.StartWrite", "lock (AddressSpace.FolioLock)".</summary>
        public string Description { get; }

        /// <summary>The level is a lock class inferred for an unannotated lock, not a declared level.</summary>
        public bool Inferred { get; }

        /// <summary>
        /// A try-lock (TryEnter, a wait with a timeout): it cannot wait forever, so like lockdep's
        /// trylock it adds no ordering dependency, though the lock is held where it succeeded.
        /// </summary>
        public bool IsTry { get; }

        /// <summary>Which object is taken or released, and how it behaves when taken again; null when nothing is known.</summary>
        public LockObject? Object { get; }

        /// <summary>An upgradeable read lock (ReaderWriterLockSlim.EnterUpgradeableReadLock): shared, but its holder may enter write mode.</summary>
        public bool Upgradeable { get; }

        /// <summary>A release made by disposing the scope an acquisition returned.</summary>
        public bool IsDisposal { get; }
    }
}
