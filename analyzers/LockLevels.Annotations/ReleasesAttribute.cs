using System;

namespace LockLevels
{
    /// <summary>The method releases the level, which its caller acquired.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ReleasesAttribute : Attribute
    {
        public ReleasesAttribute(string level) => Level = level;

        public string Level { get; }
    }
}
