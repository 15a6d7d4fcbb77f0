using System.Collections.Immutable;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Lock statements the control flow graph left unlowered (a System.Threading.Lock in nullable code
    /// comes out as an invalid operation): their bodies are held by syntax, since the graph has no exit for them.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        /// <summary>Finds them once per graph: an invalid operation in place of the enter/exit calls.</summary>
        private void CollectUnloweredLocks()
        {
            foreach (var block in _graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IExpressionStatementOperation { Operation: IInvalidOperation invalid, Syntax: LockStatementSyntax statement }
                        && invalid.ChildOperations.Count > 0
                        && _classifier.ClassifyUnloweredLock(operation, invalid.ChildOperations.First(), _resolver) is { } acquisition)
                    {
                        _unloweredLocks.Add((statement, acquisition));
                    }
                }
            }
        }

        /// <summary>
        /// At the statement of an unlowered lock its level is taken; inside its body it is held; past
        /// the body the acquisition made there is released.
        /// </summary>
        private HeldLockSet EnterOrLeaveUnloweredLocks(IOperation operation, HeldLockSet state, bool report)
        {
            foreach (var (statement, acquisition) in _unloweredLocks)
            {
                int site = SiteOf(acquisition);
                if (operation.Syntax == statement)
                {
                    state = Take(acquisition, state, report);
                }
                else if (!statement.Statement.Span.Contains(operation.Syntax.Span)
                    && state.TryGet(acquisition.Level, out var held) && held.Site == site && held.Origin == HeldOrigin.Acquired)
                {
                    state = state.Release(acquisition.Level);
                }
            }

            return state;
        }
    }
}
