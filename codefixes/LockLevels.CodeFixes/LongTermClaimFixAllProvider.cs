using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// Fix All for the long-term claim: gathers every site in the scope first and rewrites each type
    /// once, so a type with several deep methods gets one claim field per level, not one per site.
    /// </summary>
    internal sealed class LongTermClaimFixAllProvider : FixAllProvider
    {
        public static readonly LongTermClaimFixAllProvider Instance = new();

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

            var solution = fixAllContext.Solution;
            var sites = await ClaimSite.FromAllAsync(diagnostics, solution, fixAllContext.CancellationToken).ConfigureAwait(false);
            if (sites.IsEmpty)
            {
                return null;
            }

            return CodeAction.Create(
                "Claim levels long-term at set-up",
                cancellationToken => LongTermClaimRewriter.ApplyAsync(solution, sites, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
