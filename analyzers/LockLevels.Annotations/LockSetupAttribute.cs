using System;

namespace LockLevels
{
    /// <summary>Where an object is set up: long-term claims are taken here rather than in constructors.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LockSetupAttribute : Attribute
    {
    }

    /// <summary>Where an object is torn down: long-term claims are dropped here rather than in Dispose.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LockTeardownAttribute : Attribute
    {
    }
}
