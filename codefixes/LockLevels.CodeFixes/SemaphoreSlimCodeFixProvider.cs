using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// LL0008: a private lock field held across an await becomes a SemaphoreSlim(1, 1), which no thread
    /// owns: every lock of it in its type is rewritten, awaited in async code. Offered only where the
    /// analyzer found that safe (<see cref="SemaphoreSlimFix"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SemaphoreSlimCodeFixProvider)), Shared]
    public sealed class SemaphoreSlimCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "LockLevels.SemaphoreSlim";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ThreadAffineLockAcrossAwait);

        public override FixAllProvider GetFixAllProvider() => SemaphoreSlimFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SemaphoreSlimFix.Field, out var field) || field == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Make '{SemaphoreSlimRewriter.NameOf(field)}' a SemaphoreSlim(1, 1)",
                        cancellationToken => SemaphoreSlimRewriter.ApplyAsync(solution, ImmutableArray.Create(field), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }
    }
}
