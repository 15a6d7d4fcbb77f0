using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// How a private lock field is used in the text of its type, for the SemaphoreSlim fix of LL0008:
    /// every use must be a <c>lock</c> statement, or an enter (<c>Monitor.Enter(f)</c>, <c>f.Enter()</c> on a
    /// Lock) directly followed by a <c>try</c> whose <c>finally</c> exits it. A private field is named only in
    /// its type, so its declarations are all there is to read; this runs for fix candidates only.
    /// </summary>
    internal sealed class LockFieldUses
    {
        private LockFieldUses(List<LockFieldUse> uses, string? unsupported)
        {
            Uses = uses;
            Unsupported = unsupported;
        }

        /// <summary>The acquisitions to rewrite, in declaration order.</summary>
        public List<LockFieldUse> Uses { get; }

        /// <summary>Why the uses cannot all be rewritten; null when they can.</summary>
        public string? Unsupported { get; }

        public static LockFieldUses Of(IFieldSymbol field, CancellationToken cancellationToken)
        {
            var uses = new List<LockFieldUse>();
            var exits = new HashSet<SyntaxNode>();
            var matchedExits = new HashSet<SyntaxNode>();
            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var name in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (name is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != field.Name)
                    {
                        continue;
                    }

                    var why = Classify(identifier, field, uses, exits, matchedExits);
                    if (why != null)
                    {
                        return new LockFieldUses(uses, why + " (line " + Line(identifier) + ")");
                    }
                }
            }

            foreach (var exit in exits)
            {
                if (!matchedExits.Contains(exit))
                {
                    return new LockFieldUses(uses, "an exit is not the finally of an enter (line " + Line(exit) + ")");
                }
            }

            return new LockFieldUses(uses, null);
        }

        private static string? Classify(IdentifierNameSyntax identifier, IFieldSymbol field, List<LockFieldUse> uses, HashSet<SyntaxNode> exits, HashSet<SyntaxNode> matchedExits)
        {
            ExpressionSyntax use = identifier;
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                // this._sync, or Owner._sync for a static field; other._sync is another object's lock.
                bool own = access.Expression is ThisExpressionSyntax
                    || (field.IsStatic && access.Expression is IdentifierNameSyntax owner && owner.Identifier.ValueText == field.ContainingType.Name);
                if (!own)
                {
                    return "it is used on another object";
                }

                use = access;
            }

            if (use.Parent is LockStatementSyntax lockStatement && lockStatement.Expression == use)
            {
                return AddUse(uses, new LockFieldUse(lockStatement, exit: null));
            }

            var call = EnterOrExitCall(use, field);
            if (call == null)
            {
                return "it is used other than through lock, Monitor.Enter and Monitor.Exit";
            }

            if (call.Value.IsExit)
            {
                exits.Add(call.Value.Statement);
                return null;
            }

            if (call.Value.Statement.Parent is not BlockSyntax block)
            {
                return "an enter is not a statement of a block";
            }

            int index = block.Statements.IndexOf(call.Value.Statement);
            if (index + 1 >= block.Statements.Count || block.Statements[index + 1] is not TryStatementSyntax { Finally: { } @finally })
            {
                return "an enter is not followed by try/finally";
            }

            foreach (var statement in @finally.Block.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } exitStatement
                    && IsExitOf(invocation, field))
                {
                    matchedExits.Add(exitStatement);
                    return AddUse(uses, new LockFieldUse(call.Value.Statement, exitStatement));
                }
            }

            return "the finally after an enter does not exit it";
        }

        private static string? AddUse(List<LockFieldUse> uses, LockFieldUse use)
        {
            if (use.IsAsync && IsInsideLockStatement(use.Statement))
            {
                return "an acquisition in an async method is inside another lock statement, where it cannot be awaited";
            }

            uses.Add(use);
            return null;
        }

        /// <summary>Monitor.Enter(f) / Monitor.Exit(f), or f.Enter() / f.Exit() on a Lock, as a statement of its own.</summary>
        private static (ExpressionStatementSyntax Statement, bool IsExit)? EnterOrExitCall(ExpressionSyntax use, IFieldSymbol field)
        {
            InvocationExpressionSyntax? invocation = null;
            string? method = null;
            if (use.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax monitorCall } }
                && monitorCall.Expression is MemberAccessExpressionSyntax { Expression: var type } monitorAccess
                && IsMonitor(type))
            {
                invocation = monitorCall;
                method = monitorAccess.Name.Identifier.ValueText;
            }
            else if (field.Type is { Name: "Lock", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } }
                && use.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } lockCall } lockAccess
                && lockAccess.Expression == use)
            {
                invocation = lockCall;
                method = lockAccess.Name.Identifier.ValueText;
            }

            return invocation?.Parent is ExpressionStatementSyntax statement && method is "Enter" or "Exit"
                ? (statement, method == "Exit")
                : null;
        }

        private static bool IsExitOf(InvocationExpressionSyntax invocation, IFieldSymbol field)
        {
            foreach (var node in invocation.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name && name.Identifier.ValueText == field.Name)
                {
                    ExpressionSyntax use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                    return EnterOrExitCall(use, field) is { IsExit: true } call && call.Statement.Expression == invocation;
                }
            }

            return false;
        }

        private static bool IsMonitor(ExpressionSyntax type)
            => type.ToString() is "Monitor" or "Threading.Monitor" or "System.Threading.Monitor" or "global::System.Threading.Monitor";

        private static bool IsInsideLockStatement(SyntaxNode statement)
        {
            for (var node = statement.Parent; node != null && !LockFieldUse.IsFunction(node); node = node.Parent)
            {
                if (node is LockStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
    }

    /// <summary>One acquisition of the field: a lock statement, or an enter statement with the exit in its finally.</summary>
    internal sealed class LockFieldUse
    {
        public LockFieldUse(StatementSyntax statement, ExpressionStatementSyntax? exit)
        {
            Statement = statement;
            Exit = exit;
            IsAsync = IsInAsyncFunction(statement);
        }

        /// <summary>The lock statement, or the enter statement.</summary>
        public StatementSyntax Statement { get; }

        /// <summary>For an enter: the exit statement in the finally that follows it.</summary>
        public ExpressionStatementSyntax? Exit { get; }

        /// <summary>In an async method, lambda or local function: the acquisition can be awaited.</summary>
        public bool IsAsync { get; }

        public static bool IsFunction(SyntaxNode node)
            => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;

        private static bool IsInAsyncFunction(SyntaxNode statement)
        {
            for (var node = statement.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case MethodDeclarationSyntax method:
                        return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
