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
    internal sealed class SemaphoreSlimFixAllProvider : FixAllProvider
    {
        public static readonly SemaphoreSlimFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Document when fixAllContext.Document != null:
                    diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

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
                return null;
            }

            var solution = fixAllContext.Solution;
            return CodeAction.Create(
                "Make lock fields SemaphoreSlim(1, 1)",
                cancellationToken => SemaphoreSlimRewriter.ApplyAsync(solution, fields.ToImmutableArray(), cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
