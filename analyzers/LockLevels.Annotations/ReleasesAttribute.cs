using System;

namespace LockLevels
{
    /// <summary>The method releases the level, which its caller acquired.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ReleasesAttribute : Attribute
    {
        /// <summary>Declares that the method releases <paramref name="level"/>.</summary>
        /// <param name="level">The lock level the method releases, as declared in an <see cref="LockHierarchyAttribute"/>.</param>
        public ReleasesAttribute(string level) => Level = level;

        /// <summary>
        /// Declares that the method releases the level of the object it is called on (see the
        /// parameterless <see cref="AcquiresAttribute"/> constructor).
        /// </summary>
        public ReleasesAttribute() => Level = null;

        /// <summary>
        /// The lock level the method releases; its caller acquired it and no longer holds it after the call.
        /// Null when the level is the receiver's (the parameterless constructor).
        /// </summary>
        public string? Level { get; }
    }
}
