using System;
using System.Collections.Generic;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Lock-all, unlock-all: <c>foreach (var f in folios) f.Lock(); ... foreach (var f in folios) f.Unlock();</c>.
    /// The flow cannot count iterations: after the first loop the level is held at its saturated depth, and the
    /// second loop's zero-iteration path seems to keep it. Where a loop only releases a level, once per
    /// iteration, and an earlier loop over the same collection (or to the same bound) only acquired it, once
    /// per iteration, the edge on which the releasing loop ends normally (its condition false) has given back
    /// everything the acquiring loop took. A break or an early return leaves by another edge and keeps it held.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        private Dictionary<SyntaxNode, Dictionary<string, LoopUse>>? _loopUses;
        private readonly Dictionary<SyntaxNode, ISymbol?> _loopKeys = new();
        private readonly List<LockEvent> _loopEvents = new();

        [Flags]
        private enum LoopUse
        {
            None = 0,
            Acquires = 1,
            Releases = 2,

            /// <summary>An event of the level that does not run exactly once per iteration (nested, guarded, a try-lock).</summary>
            Irregular = 4,
        }

        /// <summary>The for or foreach loop that a branch value's false edge ends normally, or null.</summary>
        private static StatementSyntax? LoopEndedWhenFalse(IOperation branchValue)
        {
            var syntax = branchValue.Syntax;
            if (ValueResolver.StripConversions(branchValue) is IInvocationOperation { TargetMethod.Name: "MoveNext" })
            {
                // A foreach's lowering branches on MoveNext(), made with the loop's syntax or its collection's.
                return syntax as CommonForEachStatementSyntax ?? syntax.Parent as CommonForEachStatementSyntax;
            }

            return syntax.Parent is ForStatementSyntax loop && loop.Condition == syntax ? loop : null;
        }

        /// <summary>Where <paramref name="releaseLoop"/> ends normally: what a loop that pairs with it took is given back.</summary>
        private HeldLockSet ReleasedByLoop(HeldLockSet state, StatementSyntax releaseLoop)
        {
            var original = state;
            Dictionary<string, LoopUse>? releases = null;
            foreach (var held in original.Locks)
            {
                if (held.Origin != HeldOrigin.Acquired)
                {
                    continue;
                }

                // Only now, with something held, is it worth classifying the calls inside the body's loops.
                releases ??= UsesOf(releaseLoop);
                if (!releases.TryGetValue(held.Level, out var releaseUse) || releaseUse != LoopUse.Releases || LoopKey(releaseLoop) is not { } key)
                {
                    continue;
                }

                foreach (int site in held.Sites)
                {
                    if (EnclosingLoop(_sites[site].Event.Operation.Syntax) is { } acquireLoop && acquireLoop != releaseLoop
                        && UsesOf(acquireLoop).TryGetValue(held.Level, out var acquireUse) && acquireUse == LoopUse.Acquires
                        && SymbolEqualityComparer.Default.Equals(LoopKey(acquireLoop), key))
                    {
                        state = state.ReleaseSite(held.Level, site);
                    }
                }
            }

            return state;
        }

        /// <summary>The levels a loop's body acquires and releases; every loop of the body is classified at the first call.</summary>
        private Dictionary<string, LoopUse> UsesOf(SyntaxNode loop)
        {
            _loopUses ??= CollectLoopUses();
            return _loopUses.TryGetValue(loop, out var uses) ? uses : EmptyUses;
        }

        private static readonly Dictionary<string, LoopUse> EmptyUses = new();

        private Dictionary<SyntaxNode, Dictionary<string, LoopUse>> CollectLoopUses()
        {
            var loops = new Dictionary<SyntaxNode, Dictionary<string, LoopUse>>();
            foreach (var block in _graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    CollectLoopUses(operation, loops);
                }

                if (block.BranchValue != null)
                {
                    CollectLoopUses(block.BranchValue, loops);
                }
            }

            return loops;
        }

        private void CollectLoopUses(IOperation root, Dictionary<SyntaxNode, Dictionary<string, LoopUse>> loops)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                // Only calls inside a loop are classified a second time (the flow classifies each anyway).
                if (operation is not IInvocationOperation invocation || EnclosingLoop(invocation.Syntax) is not { } nearest)
                {
                    continue;
                }

                _loopEvents.Clear();
                _classifier.Classify(invocation, _resolver, _loopEvents);
                foreach (var @event in _loopEvents)
                {
                    var use = @event.Kind switch
                    {
                        LockEventKind.Acquire when !@event.IsTry => LoopUse.Acquires,
                        LockEventKind.Acquire => LoopUse.Irregular,
                        LockEventKind.Release => LoopUse.Releases,
                        _ => LoopUse.None,
                    };

                    if (use == LoopUse.None)
                    {
                        continue;
                    }

                    if (!RunsOncePerIteration(@event.Operation.Syntax, nearest) || HasJumps(nearest))
                    {
                        use |= LoopUse.Irregular;
                    }

                    Add(loops, nearest, @event.Level, use);

                    // In an outer loop the event runs as often as the inner loop does: not once per iteration.
                    for (var outer = EnclosingLoop(nearest); outer != null; outer = EnclosingLoop(outer))
                    {
                        Add(loops, outer, @event.Level, use | LoopUse.Irregular);
                    }
                }
            }
        }

        private static void Add(Dictionary<SyntaxNode, Dictionary<string, LoopUse>> loops, SyntaxNode loop, string level, LoopUse use)
        {
            if (!loops.TryGetValue(loop, out var uses))
            {
                uses = new Dictionary<string, LoopUse>(StringComparer.Ordinal);
                loops.Add(loop, uses);
            }

            uses[level] = uses.TryGetValue(level, out var previous) ? previous | use : use;
        }

        /// <summary>The nearest loop statement around <paramref name="node"/> in this body (not past a lambda or local function).</summary>
        private SyntaxNode? EnclosingLoop(SyntaxNode node)
        {
            var root = _graph.OriginalOperation.Syntax;
            for (var parent = node.Parent; parent != null && parent != root; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return parent;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The call is a statement of the loop's body, inside blocks and try blocks or finally clauses only: no
        /// branch, no catch, no conditional access stands between it and the loop.
        /// </summary>
        private static bool RunsOncePerIteration(SyntaxNode call, SyntaxNode loop)
        {
            SyntaxNode node = call;
            if (node.Parent is AwaitExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is not ExpressionStatementSyntax statement)
            {
                return false;
            }

            node = statement;
            while (node.Parent is { } parent)
            {
                if (parent == loop)
                {
                    return loop switch
                    {
                        ForStatementSyntax @for => node == @for.Statement,
                        CommonForEachStatementSyntax @foreach => node == @foreach.Statement,
                        _ => false,
                    };
                }

                bool straight = parent switch
                {
                    BlockSyntax => true,
                    TryStatementSyntax @try => node == @try.Block,
                    FinallyClauseSyntax => true,
                    _ => false,
                };

                if (!straight)
                {
                    return false;
                }

                node = parent;
            }

            return false;
        }

        /// <summary>A break, continue or goto in the loop's body may skip some iterations' events (checked by syntax, nested loops' too).</summary>
        private static bool HasJumps(SyntaxNode loop)
        {
            foreach (var node in loop.DescendantNodes())
            {
                if (node is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a for or foreach loop iterates, when two loops can be seen to iterate the same: the local,
        /// parameter or field a foreach walks, or whose Length or Count a for loop's condition or initializer
        /// reads (<c>i &lt; folios.Length</c>, <c>i = folios.Count - 1</c>), or the local, parameter or field a for
        /// loop's condition compares its variable with (<c>i &lt; n</c>); nothing in the body may assign it.
        /// Null for any other loop.
        /// </summary>
        private ISymbol? LoopKey(SyntaxNode loop)
        {
            if (_loopKeys.TryGetValue(loop, out var key))
            {
                return key;
            }

            key = loop switch
            {
                CommonForEachStatementSyntax @foreach => KeySymbol(@foreach.Expression),
                ForStatementSyntax @for => ForKey(@for),
                _ => null,
            };

            _loopKeys.Add(loop, key);
            return key;
        }

        private ISymbol? ForKey(ForStatementSyntax loop)
        {
            if (loop.Condition != null && CountedSymbol(loop.Condition) is { } inCondition)
            {
                return inCondition;
            }

            if (loop.Declaration != null)
            {
                foreach (var variable in loop.Declaration.Variables)
                {
                    if (variable.Initializer != null && CountedSymbol(variable.Initializer.Value) is { } inInitializer)
                    {
                        return inInitializer;
                    }
                }
            }

            if (Strip(loop.Condition) is BinaryExpressionSyntax comparison && loop.Declaration?.Variables.Count == 1)
            {
                string variable = loop.Declaration.Variables[0].Identifier.ValueText;
                var bound = Strip(comparison.Left) is IdentifierNameSyntax left && left.Identifier.ValueText == variable ? comparison.Right
                    : Strip(comparison.Right) is IdentifierNameSyntax right && right.Identifier.ValueText == variable ? comparison.Left
                    : null;
                return bound == null ? null : KeySymbol(bound);
            }

            return null;
        }

        /// <summary>The collection whose Length, LongLength or Count the expression reads (the first found).</summary>
        private ISymbol? CountedSymbol(ExpressionSyntax expression)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                if (node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" or "LongLength" or "Count" } count
                    && KeySymbol(count.Expression) is { } symbol)
                {
                    return symbol;
                }
            }

            return null;
        }

        /// <summary>A bare name or <c>this.name</c> of a local, by-value parameter or field that the body never assigns.</summary>
        private ISymbol? KeySymbol(ExpressionSyntax expression)
        {
            var stripped = Strip(expression);
            if (stripped is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax })
                || _graph.OriginalOperation.SemanticModel is not { } model)
            {
                return null;
            }

            var symbol = model.GetSymbolInfo(stripped).Symbol;
            bool named = symbol is ILocalSymbol or IParameterSymbol { RefKind: RefKind.None } or IFieldSymbol;
            return named && !string.IsNullOrEmpty(symbol!.Name) && IsStable(symbol) ? symbol : null;
        }

        private static ExpressionSyntax? Strip(ExpressionSyntax? expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }
    }
}
