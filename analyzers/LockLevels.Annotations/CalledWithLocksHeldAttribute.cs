using System;

namespace LockLevels
{
    /// <summary>
    /// A deep context: the method (and every implementation or override of it) runs with these
    /// levels held by its callers, like a filesystem's writepages or read_folio. On a constructor, its
    /// body runs with them held and every <c>new</c> of it must hold them; on a property or indexer, it
    /// applies to both accessors; on a local function, to its body and its calls.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false)]
    public sealed class CalledWithLocksHeldAttribute : Attribute
    {
        /// <summary>Declares that every caller of the method holds <paramref name="levels"/>.</summary>
        /// <param name="levels">The lock levels held whenever the method (or an implementation or override of it) runs.</param>
        public CalledWithLocksHeldAttribute(params string[] levels) => Levels = levels;

        /// <summary>
        /// The lock levels held whenever the method, or any implementation or override of it, runs.
        /// Acquiring a level outer to one of them in such a method is a lock-order inversion.
        /// </summary>
        public string[] Levels { get; }
    }
}
