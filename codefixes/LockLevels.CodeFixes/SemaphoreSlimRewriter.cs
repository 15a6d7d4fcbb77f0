using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// Turns lock fields into SemaphoreSlim(1, 1): the field's type and initializer, each lock statement
    /// into a wait and a try/finally that releases, each Monitor.Enter/Exit pair into a wait and a release.
    /// Waits in async functions are awaited (WaitAsync().ConfigureAwait(false)); the rest block (Wait()).
    /// </summary>
    internal static class SemaphoreSlimRewriter
    {
        private const string SemaphoreSlim = "System.Threading.SemaphoreSlim";

        /// <summary>"_sync" of "F:Namespace.Type._sync".</summary>
        public static string NameOf(string fieldId) => fieldId.Substring(fieldId.LastIndexOf('.') + 1);

        public static async Task<Solution> ApplyAsync(Solution solution, ImmutableArray<string> fieldIds, CancellationToken cancellationToken)
        {
            // Every edit is found in the original trees first, then each document is rewritten once.
            var edits = new Dictionary<DocumentId, List<System.Action<DocumentEditor>>>();
            foreach (var fieldId in fieldIds)
            {
                var field = await FindAsync(solution, fieldId, cancellationToken).ConfigureAwait(false);
                if (field == null)
                {
                    continue;
                }

                var uses = LockFieldUses.Of(field, cancellationToken);
                if (uses.Unsupported != null)
                {
                    continue;
                }

                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator)
                    {
                        Add(solution, edits, declaration.SyntaxTree, editor => RetypeField(editor, declaration, declarator));
                    }
                }

                foreach (var use in uses.Uses)
                {
                    Add(solution, edits, use.Statement.SyntaxTree, editor => Rewrite(editor, use));
                }
            }

            foreach (var pair in edits)
            {
                var document = solution.GetDocument(pair.Key)!;
                var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
                foreach (var edit in pair.Value)
                {
                    edit(editor);
                }

                solution = editor.GetChangedDocument().Project.Solution;
            }

            return solution;
        }

        private static async Task<IFieldSymbol?> FindAsync(Solution solution, string fieldId, CancellationToken cancellationToken)
        {
            foreach (var project in solution.Projects)
            {
                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation != null
                    && DocumentationCommentId.GetFirstSymbolForDeclarationId(fieldId, compilation) is IFieldSymbol field
                    && SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, compilation.Assembly))
                {
                    return field;
                }
            }

            return null;
        }

        private static void Add(Solution solution, Dictionary<DocumentId, List<System.Action<DocumentEditor>>> edits, SyntaxTree tree, System.Action<DocumentEditor> edit)
        {
            var document = solution.GetDocumentId(tree);
            if (document == null)
            {
                return;
            }

            if (!edits.TryGetValue(document, out var list))
            {
                edits.Add(document, list = new List<System.Action<DocumentEditor>>());
            }

            list.Add(edit);
        }

        private static void RetypeField(DocumentEditor editor, VariableDeclarationSyntax declaration, VariableDeclaratorSyntax declarator)
        {
            var creation = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(SemaphoreSlim).WithAdditionalAnnotations(Simplifier.Annotation))
                .WithArgumentList(SyntaxFactory.ParseArgumentList("(1, 1)"));
            var initialized = declarator.WithInitializer(SyntaxFactory.EqualsValueClause(creation));
            if (declarator.Initializer != null)
            {
                initialized = declarator.WithInitializer(declarator.Initializer.WithValue(creation.WithTriviaFrom(declarator.Initializer.Value)));
            }

            var type = SyntaxFactory.ParseTypeName(SemaphoreSlim).WithTriviaFrom(declaration.Type).WithAdditionalAnnotations(Simplifier.Annotation);
            editor.ReplaceNode(declaration, declaration.WithType(type).WithVariables(SyntaxFactory.SingletonSeparatedList(initialized)));
        }

        private static void Rewrite(DocumentEditor editor, LockFieldUse use)
        {
            if (use.Statement is LockStatementSyntax lockStatement)
            {
                RewriteLock(editor, lockStatement, use.IsAsync);
                return;
            }

            var enter = (ExpressionStatementSyntax)use.Statement;
            var semaphore = LockedExpression((InvocationExpressionSyntax)enter.Expression);
            editor.ReplaceNode(enter, Wait(semaphore, use.IsAsync).WithTriviaFrom(enter));
            editor.ReplaceNode(use.Exit!, Release(semaphore).WithTriviaFrom(use.Exit!));
        }

        /// <summary>lock (x) body → x.Wait(); try body finally { x.Release(); }, nested edits included.</summary>
        private static void RewriteLock(DocumentEditor editor, LockStatementSyntax lockStatement, bool isAsync)
        {
            var semaphore = lockStatement.Expression.WithoutTrivia();
            var wait = Wait(semaphore, isAsync).WithLeadingTrivia(lockStatement.GetLeadingTrivia());
            if (lockStatement.Parent is BlockSyntax)
            {
                editor.InsertBefore(lockStatement, wait);
                editor.ReplaceNode(lockStatement, (current, _) => Try((LockStatementSyntax)current).WithTrailingTrivia(current.GetTrailingTrivia()));
            }
            else
            {
                editor.ReplaceNode(lockStatement, (current, _) => SyntaxFactory.Block(wait, Try((LockStatementSyntax)current))
                    .WithTriviaFrom(current).WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        private static TryStatementSyntax Try(LockStatementSyntax current)
        {
            var body = current.Statement as BlockSyntax ?? SyntaxFactory.Block(current.Statement.WithoutTrivia());
            var @finally = SyntaxFactory.FinallyClause(SyntaxFactory.Block(Release(current.Expression.WithoutTrivia())));
            return SyntaxFactory.TryStatement(body.WithoutTrivia(), default, @finally).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>The x of Monitor.Enter(x) or of x.Enter().</summary>
        private static ExpressionSyntax LockedExpression(InvocationExpressionSyntax call)
            => call.ArgumentList.Arguments.Count == 1
                ? call.ArgumentList.Arguments[0].Expression.WithoutTrivia()
                : ((MemberAccessExpressionSyntax)call.Expression).Expression.WithoutTrivia();

        private static StatementSyntax Wait(ExpressionSyntax semaphore, bool isAsync)
            => SyntaxFactory.ParseStatement(isAsync
                    ? "await " + semaphore + ".WaitAsync().ConfigureAwait(false);"
                    : semaphore + ".Wait();")
                .WithAdditionalAnnotations(Formatter.Annotation);

        private static StatementSyntax Release(ExpressionSyntax semaphore)
            => SyntaxFactory.ParseStatement(semaphore + ".Release();").WithAdditionalAnnotations(Formatter.Annotation);
    }
}
