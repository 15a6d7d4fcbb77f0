using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// The levels a method runs with because it is, overrides or implements a
    /// [CalledWithLocksHeld] member, and which member declared them.
    /// </summary>
    internal sealed class DeepContext
    {
        public DeepContext(IMethodSymbol declaringMember, ImmutableArray<string> levels)
        {
            DeclaringMember = declaringMember;
            Levels = levels;
        }

        public IMethodSymbol DeclaringMember { get; }

        /// <summary>Levels in declaration order, without empty names or repeats.</summary>
        public ImmutableArray<string> Levels { get; }

        /// <summary>"IAddressSpaceOperations.WritePages"; an accessor by its property ("Tree.Depth"), a constructor by its type ("Tree.Tree").</summary>
        public string DeclaringMemberName => DeclaringMember.ContainingType?.Name + "." + MemberName(DeclaringMember);

        /// <summary>A member as its callers write it: an accessor is its property or indexer, a constructor its type.</summary>
        public static string MemberName(IMethodSymbol method)
            => method.MethodKind switch
            {
                MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
                MethodKind.Constructor => method.ContainingType?.Name ?? method.Name,
                _ => method.Name,
            };
    }
}
