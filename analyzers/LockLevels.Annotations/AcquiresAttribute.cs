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
        /// The lock level the method acquires. It is held after the method returns, or, when the method
        /// returns an <see cref="IDisposable"/>, until that value is disposed.
        /// </summary>
        public string Level { get; }

        /// <summary>A reader acquisition. Readers still count for lock ordering: a reader waits behind a waiting writer.</summary>
        public bool Shared { get; set; }

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
