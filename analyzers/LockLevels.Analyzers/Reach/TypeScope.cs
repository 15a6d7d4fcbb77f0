namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Where a call without a receiver (<c>N()</c>) or on <c>this</c> or <c>base</c> finds its method: the
    /// type it is written in with that type's bases (by name, once the whole compilation is walked), and the
    /// types that one is nested in. A call on <c>base</c> looks in the bases alone.
    /// </summary>
    internal sealed class TypeScope
    {
        public TypeScope(string typeName, TypeScope? outer, bool basesOnly)
        {
            TypeName = typeName;
            Outer = outer;
            BasesOnly = basesOnly;
        }

        public string TypeName { get; }

        public TypeScope? Outer { get; }

        public bool BasesOnly { get; }
    }
}
