using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>One acquisition still held at a point of a body: which level, on which object, in which mode, and where it was taken.</summary>
    internal sealed class HeldSite
    {
        public HeldSite(string level, Location location, string description, LockObject? lockObject, bool shared, bool upgradeable, bool restores = false)
        {
            Restores = restores;
            Level = level;
            Location = location;
            Description = description;
            Object = lockObject;
            Shared = shared;
            Upgradeable = upgradeable;
        }

        public string Level { get; }

        public Location Location { get; }

        /// <summary>What took it: "lock (Cache._sync)", "Cache._gate.Wait", "SuperBlock.StartWrite".</summary>
        public string Description { get; }

        public LockObject? Object { get; }

        /// <summary>Taken as a reader (a read or upgradeable read lock, a shared level).</summary>
        public bool Shared { get; }

        public bool Upgradeable { get; }

        /// <summary>Taken again after the body gave its caller's hold back (<see cref="HeldLockFlow"/>'s hand-backs): the caller's hold, restored.</summary>
        public bool Restores { get; }
    }
}
