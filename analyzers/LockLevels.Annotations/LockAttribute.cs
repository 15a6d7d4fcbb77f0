using System;

namespace LockLevels
{
    /// <summary>
    /// Marks a field or property holding a lock object (an object used with <c>lock</c>,
    /// <c>Monitor</c>, <c>SemaphoreSlim</c>, <c>ReaderWriterLockSlim</c> or <c>System.Threading.Lock</c>)
    /// as belonging to a lock level.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
    public sealed class LockAttribute : Attribute
    {
        public LockAttribute(string level) => Level = level;

        public string Level { get; }
    }
}
