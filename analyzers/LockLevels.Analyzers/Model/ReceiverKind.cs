namespace LockLevels.Analyzers.Model
{
    /// <summary>Which object a call runs on, seen from the caller: what a callee's locks of "this" are to it.</summary>
    public enum ReceiverKind
    {
        /// <summary>A static call, or one on an object that cannot be told: the callee's own locks are some object's.</summary>
        Other,

        /// <summary>On the caller's own object (<c>this</c>, <c>base</c>, implicit): the callee's own locks are the caller's.</summary>
        This,

        /// <summary>
        /// On an object the caller has just created and not let out (a constructor, or a call on a local
        /// assigned once from <c>new</c> and used only as a receiver): no other thread can hold its locks yet.
        /// </summary>
        Fresh,
    }
}
