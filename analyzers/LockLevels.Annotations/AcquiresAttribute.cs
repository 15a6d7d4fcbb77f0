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
        public AcquiresAttribute(string level) => Level = level;

        public string Level { get; }

        /// <summary>A reader acquisition. Readers still count for lock ordering: a reader waits behind a waiting writer.</summary>
        public bool Shared { get; set; }

        /// <summary>
        /// The name of a parameterless method on the same type that takes a long-term claim on this
        /// level and returns it as an <see cref="IDisposable"/>. Code fixes use it to replace per-call
        /// acquisitions in deep contexts with one claim taken at set-up.
        /// </summary>
        public string? LongTermClaim { get; set; }
    }
}
