using System;

namespace LockLevels
{
    /// <summary>
    /// The method deliberately holds a lock of one class on two objects, always taking the
    /// <see cref="Outer"/> object's lock before the <see cref="Inner"/> object's, like lockdep's
    /// <c>mutex_lock_nested(lock, SINGLE_DEPTH_NESTING)</c>. That nesting is then not reported as
    /// LL0010; a nesting in the other order, or on other objects, still is.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = true)]
    public sealed class LockNestingAttribute : Attribute
    {
        /// <summary>Declares that the method takes <paramref name="outer"/>'s lock before <paramref name="inner"/>'s.</summary>
        /// <param name="outer">The object locked first, as written in the method: <c>"this"</c>, a parameter or a local, or a field (<c>"_parent"</c>).</param>
        /// <param name="inner">The object locked while the outer one is held, named the same way.</param>
        public LockNestingAttribute(string outer, string inner)
        {
            Outer = outer;
            Inner = inner;
        }

        /// <summary>The object whose lock is taken first.</summary>
        public string Outer { get; }

        /// <summary>The object whose lock of the same class is taken while the outer one is held.</summary>
        public string Inner { get; }
    }
}
