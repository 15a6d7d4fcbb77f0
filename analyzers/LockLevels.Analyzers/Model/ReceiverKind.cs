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

        /// <summary>
        /// On the caller's owner: the caller runs on a helper that points back at the object that made it
        /// (<c>Connector.Break()</c> in a buffer made as <c>new Buffer(this)</c>): the callee's own locks are the owner's.
        /// </summary>
        Owner,

        /// <summary>
        /// On a helper of the caller's own object that points back at it (<c>WriteBuffer.Flush()</c>, where every
        /// value of <c>WriteBuffer</c> is <c>new WriteBuffer(this)</c>): the callee's locks of its owner are the caller's own.
        /// </summary>
        Helper,

        /// <summary>
        /// On an object the caller's object was made with and keeps for good (<c>_wrapped.Dispose()</c>, where
        /// <c>_wrapped</c> is readonly and only ever a constructor's argument): it existed before the caller's
        /// object, or was made without it, so no chain of such calls comes back to the caller's object. The
        /// callee's locks are another object's, below the caller's.
        /// </summary>
        Part,
    }
}
