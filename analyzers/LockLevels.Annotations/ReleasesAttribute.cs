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

        /// <summary>The lock level the method releases; its caller acquired it and no longer holds it after the call.</summary>
        public string Level { get; }
    }
}
