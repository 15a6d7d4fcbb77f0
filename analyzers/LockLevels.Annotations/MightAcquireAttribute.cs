using System;

namespace LockLevels
{
    /// <summary>
    /// The method may acquire these levels, directly or implicitly (for example by taking a page
    /// fault that takes the mmap lock), like lockdep's might_lock.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MightAcquireAttribute : Attribute
    {
        /// <summary>Declares that the method may acquire <paramref name="levels"/>.</summary>
        /// <param name="levels">The lock levels the method may acquire, directly or implicitly.</param>
        public MightAcquireAttribute(params string[] levels) => Levels = levels;

        /// <summary>
        /// The lock levels the method may acquire. A call counts as an acquisition of each of them for
        /// lock ordering, but leaves none of them held after it returns.
        /// </summary>
        public string[] Levels { get; }

        /// <summary>The acquisitions are reader acquisitions. Readers still count for lock ordering.</summary>
        public bool Shared { get; set; }
    }
}
