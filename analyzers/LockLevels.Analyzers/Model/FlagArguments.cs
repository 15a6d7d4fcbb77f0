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

        private FlagArguments(ulong known, ulong values)
        {
            _known = known;
            _values = values;
        }

        public FlagArguments With(int ordinal, bool value)
            => ordinal < 0 || ordinal >= 64 ? this
                : new FlagArguments(_known | (1UL << ordinal), value ? _values | (1UL << ordinal) : _values & ~(1UL << ordinal));

        /// <summary>Whether the call passes the other value for a parameter an acquisition requires to be <paramref name="required"/>.</summary>
        public bool Contradicts(int ordinal, bool required)
            => ordinal >= 0 && ordinal < 64 && (_known & (1UL << ordinal)) != 0 && ((_values & (1UL << ordinal)) != 0) != required;
    }
}
