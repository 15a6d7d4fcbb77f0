using System;

namespace LockLevels
{
    /// <summary>
    /// Declares a chain of lock levels, outermost first. Several chains may be declared;
    /// their union is the partial order LockLevels checks acquisitions against.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class LockHierarchyAttribute : Attribute
    {
        /// <summary>Declares a chain of lock levels, outermost first.</summary>
        /// <param name="levels">The levels of the chain, from outermost (acquired first) to innermost (acquired last).</param>
        public LockHierarchyAttribute(params string[] levels) => Levels = levels;

        /// <summary>The levels of this chain, from outermost to innermost.</summary>
        public string[] Levels { get; }
    }
}
