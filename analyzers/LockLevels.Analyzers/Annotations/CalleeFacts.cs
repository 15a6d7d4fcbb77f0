namespace LockLevels.Analyzers.Annotations
{
    /// <summary>What a walk needs to know of a method it sees called.</summary>
    internal sealed class CalleeFacts
    {
        private static readonly CalleeFacts[] Shared = { new(false, false), new(false, true), new(true, false), new(true, true) };

        /// <summary>The one instance of each pair of facts.</summary>
        public static CalleeFacts Of(bool mayAffectLocks, bool worthRecording) => Shared[(mayAffectLocks ? 2 : 0) + (worthRecording ? 1 : 0)];

        private CalleeFacts(bool mayAffectLocks, bool worthRecording)
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
