namespace LockLevels.Analyzers.Annotations
{
    /// <summary>What a walk needs to know of a method it sees called.</summary>
    internal sealed class CalleeFacts
    {
        public CalleeFacts(bool mayAffectLocks, bool worthRecording)
        {
            MayAffectLocks = mayAffectLocks;
            WorthRecording = worthRecording;
        }

        /// <summary>Annotated, a framework locking API, or a deep context: a body calling it needs the flow analysis.</summary>
        public bool MayAffectLocks { get; }

        /// <summary>Into source or annotated: the call can carry levels into summaries.</summary>
        public bool WorthRecording { get; }
    }
}
