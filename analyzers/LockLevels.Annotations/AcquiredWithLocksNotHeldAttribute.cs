using System;

namespace LockLevels
{
    /// <summary>
    /// Declares that <see cref="Level"/> is acquired only when no lock of <see cref="NotHeld"/> is held,
    /// like a Go lock rank that must be taken first: <c>[assembly: AcquiredWithLocksNotHeld("Root", "Node")]</c>
    /// says Root is never taken while a Node lock is held. Acquiring the level, directly or down a
    /// call, where one of them may be held is reported (LL0011). Unlike the hierarchy, it needs no
    /// order between the levels.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class AcquiredWithLocksNotHeldAttribute : Attribute
    {
        /// <summary>Declares that <paramref name="level"/> is acquired only when none of <paramref name="notHeld"/> is held.</summary>
        /// <param name="level">The level the declaration constrains.</param>
        /// <param name="notHeld">The levels that must not be held when <paramref name="level"/> is acquired.</param>
        public AcquiredWithLocksNotHeldAttribute(string level, params string[] notHeld)
        {
            Level = level;
            NotHeld = notHeld;
        }

        /// <summary>The level the declaration constrains.</summary>
        public string Level { get; }

        /// <summary>The levels that must not be held when <see cref="Level"/> is acquired.</summary>
        public string[] NotHeld { get; }
    }
}
