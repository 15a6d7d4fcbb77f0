using System;

namespace LockLevels
{
    /// <summary>
    /// Marks a field or property holding a lock object (an object used with <c>lock</c>,
    /// <c>Monitor</c>, <c>SemaphoreSlim</c>, <c>ReaderWriterLockSlim</c>, <c>System.Threading.Lock</c>,
    /// or a custom lock type whose methods are receiver-level <see cref="AcquiresAttribute"/>) as
    /// belonging to a lock level. On a class: every instance of the class and of its derived types
    /// belongs to the level, unless the field or property it is read from says otherwise.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
    public sealed class LockAttribute : Attribute
    {
        /// <summary>Declares that the lock object held by the field or property belongs to <paramref name="level"/>.</summary>
        /// <param name="level">The lock level the lock object belongs to, as declared in an <see cref="LockHierarchyAttribute"/>.</param>
        public LockAttribute(string level) => Level = level;

        /// <summary>
        /// The lock level of the lock object: taking it (<c>lock</c>, <c>Monitor.Enter</c>, <c>SemaphoreSlim.Wait</c>,
        /// <c>ReaderWriterLockSlim.Enter*Lock</c>, <c>Lock.Enter</c>/<c>EnterScope</c>, a receiver-level
        /// <c>[Acquires]</c> method of a custom lock type) acquires this level.
        /// </summary>
        public string Level { get; }
    }
}
