using System;

namespace LockLevels
{
    /// <summary>
    /// The method acquires the level. The level is held after the method returns; when the method
    /// returns an <see cref="IDisposable"/>, it is held until that value is disposed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class AcquiresAttribute : Attribute
    {
        /// <summary>Declares that the method acquires <paramref name="level"/>.</summary>
        /// <param name="level">The lock level the method acquires, as declared in an <see cref="LockHierarchyAttribute"/>.</param>
        public AcquiresAttribute(string level) => Level = level;

        /// <summary>
        /// Declares that the method acquires the level of the object it is called on: on a custom lock
        /// type, <c>node.Lock.EnterExclusive()</c> acquires the level of the field or property
        /// <c>node.Lock</c> is marked <c>[Lock]</c> with, or else the <c>[Lock]</c> of the receiver's class.
        /// </summary>
        public AcquiresAttribute() => Level = null;

        /// <summary>
        /// The lock level the method acquires. It is held after the method returns, or, when the method
        /// returns an <see cref="IDisposable"/>, until that value is disposed. Null when the level is the
        /// receiver's (the parameterless constructor).
        /// </summary>
        public string? Level { get; }

        /// <summary>A reader acquisition. Readers still count for lock ordering: a reader waits behind a waiting writer.</summary>
        public bool Shared { get; set; }

        /// <summary>
        /// A try-lock: the method returns <c>bool</c> (or <c>Task&lt;bool&gt;</c>, <c>ValueTask&lt;bool&gt;</c>),
        /// and the level is held only where it returned true, like <c>Monitor.TryEnter</c>. Like every
        /// try-lock it cannot wait forever, so it adds no ordering dependency.
        /// </summary>
        public bool Try { get; set; }

        /// <summary>
        /// The name of a parameterless method on the same type (or a base type) that takes a long-term
        /// claim on this level and returns it as an <see cref="IDisposable"/> that drops the claim.
        /// The long-term claim code fix (LL0002, LL0003) uses it to replace per-call acquisitions in
        /// deep contexts with one claim taken at set-up and dropped at tear-down. It changes no
        /// analysis; a name that does not fit is reported as LL0906.
        /// </summary>
        public string? LongTermClaim { get; set; }
    }
}
