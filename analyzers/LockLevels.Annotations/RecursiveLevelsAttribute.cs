using System;

namespace LockLevels
{
    /// <summary>
    /// Declares lock levels that the thread holding them may acquire again (a re-entrant lock, a
    /// reader-writer lock whose readers never queue behind a waiting writer). Acquiring any other
    /// level while it is already held is reported (LL0009).
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class RecursiveLevelsAttribute : Attribute
    {
        /// <summary>Declares that <paramref name="levels"/> may be acquired again by the thread that holds them.</summary>
        /// <param name="levels">Levels declared in a <see cref="LockHierarchyAttribute"/>.</param>
        public RecursiveLevelsAttribute(params string[] levels) => Levels = levels;

        /// <summary>The levels that may be acquired again while held.</summary>
        public string[] Levels { get; }
    }
}
