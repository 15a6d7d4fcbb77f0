using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// Fix All for the SemaphoreSlim conversion: the fields of every diagnostic in the scope, each
    /// rewritten once, however many awaits reported it.
    /// </summary>
    internal sealed class SemaphoreSlimFixAllProvider : WholeScopeFixAllProvider
    {
        public static readonly SemaphoreSlimFixAllProvider Instance = new();

        protected override Task<CodeAction?> FixAllAsync(Solution solution, List<Diagnostic> diagnostics, FixAllContext fixAllContext)
        {
            var fields = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(SemaphoreSlimFix.Field, out var field) && field != null)
                {
                    fields.Add(field);
                }
            }

            if (fields.Count == 0)
            {
                return Task.FromResult<CodeAction?>(null);
            }

            return Task.FromResult<CodeAction?>(CodeAction.Create(
                "Make lock fields SemaphoreSlim(1, 1)",
                cancellationToken => SemaphoreSlimRewriter.ApplyAsync(solution, fields.ToImmutableArray(), cancellationToken),
                fixAllContext.CodeActionEquivalenceKey));
        }
    }
}
