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

    /// <summary>What takes a level: the framework primitive, or an [Acquires] method whose body decides.</summary>
    internal enum LockPrimitive
    {
        /// <summary>Not known: nothing is said about its owner.</summary>
        Unknown,

        /// <summary>A lock statement on an object, Monitor.Enter/TryEnter: owned by a thread.</summary>
        Monitor,

        /// <summary>ReaderWriterLockSlim.Enter*/TryEnter*: owned by a thread.</summary>
        ReaderWriterLockSlim,

        /// <summary>Mutex.WaitOne: owned by a thread.</summary>
        Mutex,

        /// <summary>SpinLock.Enter/TryEnter: owned by a thread (ownership is tracked by default).</summary>
        SpinLock,

        /// <summary>System.Threading.Lock (Enter, EnterScope, TryEnter, a lock statement on it): owned by a thread.</summary>
        Lock,

        /// <summary>SemaphoreSlim.Wait/WaitAsync: no owner; any thread may release it.</summary>
        SemaphoreSlim,

        /// <summary>A call of an [Acquires] method: its own body says what it takes (<see cref="LockEvent.Acquirer"/>).</summary>
        AcquiringMethod,
    }

    /// <summary>One effect on held levels that an operation has.</summary>
    internal readonly struct LockEvent
    {
        public LockEvent(LockEventKind kind, string level, bool shared, IOperation operation, Location location, string description, bool isDisposal = false, bool inferred = false,
            LockObject? lockObject = null, bool isTry = false, bool upgradeable = false, LockPrimitive primitive = LockPrimitive.Unknown, IMethodSymbol? acquirer = null, ISymbol? member = null)
        {
            Member = member;
            Primitive = primitive;
            Acquirer = acquirer;
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

        /// <summary>What takes the level; it says whether the lock is owned by the thread that took it.</summary>
        public LockPrimitive Primitive { get; }

        /// <summary>For <see cref="LockPrimitive.AcquiringMethod"/>: the [Acquires] method called.</summary>
        public IMethodSymbol? Acquirer { get; }

        /// <summary>The field or property locked, when the lock object is one (for [Lock] levels, the annotated member).</summary>
        public ISymbol? Member { get; }

        /// <summary>A release made by disposing the scope an acquisition returned.</summary>
        public bool IsDisposal { get; }
    }
}
