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
        public MightAcquireAttribute(params string[] levels) => Levels = levels;

        public string[] Levels { get; }

        /// <summary>The acquisitions are reader acquisitions.</summary>
        public bool Shared { get; set; }
    }
}
