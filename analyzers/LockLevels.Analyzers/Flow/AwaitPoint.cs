using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// An await in a body (an await expression, or the implicit awaits of <c>await foreach</c> and
    /// <c>await using</c>), with the locks this body may hold there: where the code after it may
    /// resume on another thread.
    /// </summary>
    internal sealed class AwaitPoint
    {
        public AwaitPoint(Location location, ImmutableArray<HeldAtAwait> held)
        {
            Location = location;
            Held = held;
        }

        /// <summary>The <c>await</c> keyword.</summary>
        public Location Location { get; }

        /// <summary>Locks acquired in this body that may be held at the await (context levels are the caller's).</summary>
        public ImmutableArray<HeldAtAwait> Held { get; }

        /// <summary>
        /// Where an operation awaits, as the location of its <c>await</c> keyword: an await expression, or
        /// (in the operation tree, or lowered in a control flow graph) an <c>await foreach</c> or <c>await using</c>.
        /// </summary>
        public static Location? KeywordOf(IOperation operation)
        {
            bool awaits = operation switch
            {
                IAwaitOperation => true,
                IForEachLoopOperation loop => loop.IsAsynchronous,
                IUsingOperation @using => @using.IsAsynchronous,
                IUsingDeclarationOperation declaration => declaration.IsAsynchronous,
                _ => false,
            };

            if (!awaits)
            {
                return null;
            }

            // A lowered await foreach or await using awaits implicitly at a node inside its statement.
            for (var node = operation.Syntax; node != null && node is not MemberDeclarationSyntax; node = node.Parent)
            {
                var keyword = node switch
                {
                    AwaitExpressionSyntax expression => expression.AwaitKeyword,
                    CommonForEachStatementSyntax loop => loop.AwaitKeyword,
                    UsingStatementSyntax statement => statement.AwaitKeyword,
                    LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword,
                    _ => default,
                };

                if (keyword.IsKind(SyntaxKind.AwaitKeyword))
                {
                    return keyword.GetLocation();
                }
            }

            return operation.Syntax.GetLocation();
        }
    }

    /// <summary>A lock that may be held at an await, and how and where it was taken.</summary>
    internal readonly struct HeldAtAwait
    {
        public HeldAtAwait(string level, LockPrimitive primitive, IMethodSymbol? acquirer, Location site, string description, ISymbol? member)
        {
            Member = member;
            Level = level;
            Primitive = primitive;
            Acquirer = acquirer;
            Site = site;
            Description = description;
        }

        public string Level { get; }

        public LockPrimitive Primitive { get; }

        /// <summary>For a level taken by calling an [Acquires] method: that method.</summary>
        public IMethodSymbol? Acquirer { get; }

        /// <summary>Where this body took it.</summary>
        public Location Site { get; }

        /// <summary>What took it: "lock (C._sync)", "C._rw.EnterReadLock", "Gate.Enter".</summary>
        public string Description { get; }

        /// <summary>The field or property locked, when the lock object is one.</summary>
        public ISymbol? Member { get; }
    }

    internal static class LockPrimitives
    {
        /// <summary>Owned by the thread that took it: released from another thread it throws, or stays taken.</summary>
        public static bool IsThreadAffine(this LockPrimitive primitive)
            => primitive is LockPrimitive.Monitor or LockPrimitive.ReaderWriterLockSlim or LockPrimitive.Mutex
                or LockPrimitive.SpinLock or LockPrimitive.Lock;
    }
}
