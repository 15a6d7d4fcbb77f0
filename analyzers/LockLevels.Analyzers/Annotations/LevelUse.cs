using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>One level named by one annotation, with where it was written.</summary>
    internal sealed class LevelUse
    {
        public LevelUse(string level, bool shared, string? longTermClaim, AttributeData attribute, int argumentIndex, bool isTry = false)
        {
            Level = level;
            Shared = shared;
            LongTermClaim = longTermClaim;
            Attribute = attribute;
            ArgumentIndex = argumentIndex;
            Try = isTry;
        }

        /// <summary>The level named; empty for a receiver-level use (<see cref="MethodAnnotations.ReceiverAcquires"/>), whose level each call site resolves.</summary>
        public string Level { get; }

        public bool Shared { get; }

        /// <summary>[Acquires(Try = true)]: held only where the method returned true, and no ordering dependency.</summary>
        public bool Try { get; }

        public string? LongTermClaim { get; }

        public AttributeData Attribute { get; }

        /// <summary>Which constructor argument (params element) named the level.</summary>
        public int ArgumentIndex { get; }
    }
}
