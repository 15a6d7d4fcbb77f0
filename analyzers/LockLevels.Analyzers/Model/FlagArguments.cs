namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// The constant <c>bool</c> arguments of a call, by parameter ordinal (the first 64): what a callee's
    /// acquisitions guarded by such a parameter (<c>if (!alreadyHeld) Wait()</c>) need to know.
    /// </summary>
    public readonly struct FlagArguments
    {
        private readonly ulong _known;
        private readonly ulong _values;

        /// <summary>Arguments that are the caller's own bool parameters: (callee's ordinal, caller's ordinal).</summary>
        private readonly (int Callee, int Caller)[]? _forwarded;

        private FlagArguments(ulong known, ulong values, (int Callee, int Caller)[]? forwarded)
        {
            _known = known;
            _values = values;
            _forwarded = forwarded;
        }

        public FlagArguments With(int ordinal, bool value)
            => ordinal < 0 || ordinal >= 64 ? this
                : new FlagArguments(_known | (1UL << ordinal), value ? _values | (1UL << ordinal) : _values & ~(1UL << ordinal), _forwarded);

        /// <summary>The callee's parameter <paramref name="calleeOrdinal"/> gets the caller's parameter <paramref name="callerOrdinal"/>.</summary>
        public FlagArguments Forwarding(int calleeOrdinal, int callerOrdinal)
        {
            var forwarded = new (int Callee, int Caller)[(_forwarded?.Length ?? 0) + 1];
            _forwarded?.CopyTo(forwarded, 0);
            forwarded[forwarded.Length - 1] = (calleeOrdinal, callerOrdinal);
            return new FlagArguments(_known, _values, forwarded);
        }

        /// <summary>The caller's parameter passed on as the callee's <paramref name="calleeOrdinal"/>, or -1.</summary>
        public int ForwardedFrom(int calleeOrdinal)
        {
            if (_forwarded != null)
            {
                foreach (var (callee, caller) in _forwarded)
                {
                    if (callee == calleeOrdinal)
                    {
                        return caller;
                    }
                }
            }

            return -1;
        }

        /// <summary>
        /// The caller's guard of a callee's acquisition that needs <paramref name="acquired"/>, reached through this call
        /// made under <paramref name="callGuard"/>: the call's own, else the callee's when the flag is one the caller
        /// passes on (<c>Delete(lockHeld: lockHeld)</c>); ordinal -1 for none.
        /// </summary>
        public (int Ordinal, bool Value) CallerGuard((int Ordinal, bool Value) callGuard, (int Ordinal, bool Value) acquired)
        {
            if (callGuard.Ordinal >= 0 || acquired.Ordinal < 0)
            {
                return callGuard;
            }

            int callerOrdinal = ForwardedFrom(acquired.Ordinal);
            return callerOrdinal < 0 ? (-1, false) : (callerOrdinal, acquired.Value);
        }

        /// <summary>Whether the call passes the other value for a parameter an acquisition requires to be <paramref name="required"/>.</summary>
        public bool Contradicts(int ordinal, bool required)
            => ordinal >= 0 && ordinal < 64 && (_known & (1UL << ordinal)) != 0 && ((_values & (1UL << ordinal)) != 0) != required;
    }
}
