using System;

namespace LockLevels
{
    /// <summary>
    /// The member must be entered with no lock of these levels held, like Clang's
    /// <c>EXCLUDES</c>: it takes them itself, or waits for a holder of them. A call made where one of
    /// them may be held, directly or through calls (including a lambda that calls the member), is
    /// reported (LL0011). On a property or indexer, it applies to both accessors.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false)]
    public sealed class CalledWithLocksNotHeldAttribute : Attribute
    {
        /// <summary>Declares that no caller of the member holds <paramref name="levels"/>.</summary>
        /// <param name="levels">The lock levels that must not be held when the member is entered.</param>
        public CalledWithLocksNotHeldAttribute(params string[] levels) => Levels = levels;

        /// <summary>The lock levels that must not be held when the member is entered.</summary>
        public string[] Levels { get; }
    }
}
