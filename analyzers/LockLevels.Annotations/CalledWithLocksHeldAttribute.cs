using System;

namespace LockLevels
{
    /// <summary>
    /// A deep context: the method (and every implementation or override of it) runs with these
    /// levels held by its callers, like a filesystem's writepages or read_folio.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class CalledWithLocksHeldAttribute : Attribute
    {
        public CalledWithLocksHeldAttribute(params string[] levels) => Levels = levels;

        public string[] Levels { get; }
    }
}
