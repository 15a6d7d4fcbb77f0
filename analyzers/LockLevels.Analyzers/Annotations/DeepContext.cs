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

        public string DeclaringMemberName => Names.Member(DeclaringMember);
    }
}
