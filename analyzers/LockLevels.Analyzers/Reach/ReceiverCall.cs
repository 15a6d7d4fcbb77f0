using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary><c>R.N(...)</c> with a receiver that is a predefined type, <c>this</c> or a chain of identifiers, and the type it is written in.</summary>
    internal readonly struct ReceiverCall
    {
        public ReceiverCall(string name, ExpressionSyntax? receiver, TypeScope? scope, string? startType = null)
        {
            Name = name;
            Receiver = receiver;
            Scope = scope;
            StartType = startType;
        }

        public string Name { get; }

        /// <summary>The receiver's syntax; null when <see cref="StartType"/> is the whole receiver's type (a using's resource).</summary>
        public ExpressionSyntax? Receiver { get; }

        public TypeScope? Scope { get; }

        /// <summary>The recorded type of the chain's first part when the walk knows it (a local's, <c>this</c>): <see cref="ReachSyntax.TypeNameOf(TypeSyntax)"/>.</summary>
        public string? StartType { get; }
    }
}
