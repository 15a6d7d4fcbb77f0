using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>One level named by one annotation, with where it was written.</summary>
    internal sealed class LevelUse
    {
        public LevelUse(string level, bool shared, string? longTermClaim, AttributeData attribute, int argumentIndex)
        {
            Level = level;
            Shared = shared;
            LongTermClaim = longTermClaim;
            Attribute = attribute;
            ArgumentIndex = argumentIndex;
        }

        public string Level { get; }

        public bool Shared { get; }

        public string? LongTermClaim { get; }

        public AttributeData Attribute { get; }

        /// <summary>Which constructor argument (params element) named the level.</summary>
        public int ArgumentIndex { get; }
    }
}
