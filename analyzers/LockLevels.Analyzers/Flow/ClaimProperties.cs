using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Diagnostic properties that tell the long-term claim fix whether it can replace an acquisition,
    /// and if not, why: the fix is offered only where the acquiring API names a claim and the object
    /// it is called on is reachable where the owning type is set up.
    /// </summary>
    public static class ClaimProperties
    {
        /// <summary>The parameterless method that takes the long-term claim (from [Acquires(LongTermClaim = ...)]).</summary>
        public const string LongTermClaim = "LongTermClaim";

        /// <summary>The acquisition's level.</summary>
        public const string Level = "Level";

        /// <summary>Why no automatic fix is offered although the level has a long-term claim.</summary>
        public const string Unavailable = "LongTermClaimUnavailable";

        internal static ImmutableDictionary<string, string?> For(CompilationIndex index, LockEvent acquisition)
        {
            if (acquisition.Operation is not IInvocationOperation invocation)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            string? claim = null;
            foreach (var use in index.Annotations.ForMethod(invocation.TargetMethod).Acquires)
            {
                if (use.Level == acquisition.Level && !string.IsNullOrEmpty(use.LongTermClaim))
                {
                    claim = use.LongTermClaim;
                    break;
                }
            }

            if (claim == null)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(LongTermClaim, claim)
                .Add(Level, acquisition.Level);
            var receiver = invocation.Instance == null ? null : ValueResolver.StripConversions(invocation.Instance);
            bool reachable = receiver switch
            {
                IFieldReferenceOperation field => field.Instance is null or IInstanceReferenceOperation,
                IPropertyReferenceOperation property => property.Instance is null or IInstanceReferenceOperation,
                _ => false,
            };

            return reachable
                ? properties
                : properties.Add(Unavailable, $"the claim would be taken on '{receiver?.Syntax.ToString() ?? invocation.TargetMethod.ContainingType.Name}', which is not a field or property of the type that owns this code, so it cannot be reached where that type is set up");
        }
    }
}
