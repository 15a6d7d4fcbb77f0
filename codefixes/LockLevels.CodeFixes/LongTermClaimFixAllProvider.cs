using System.Collections.Generic;
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
    internal sealed class LongTermClaimFixAllProvider : WholeScopeFixAllProvider
    {
        public static readonly LongTermClaimFixAllProvider Instance = new();

        protected override async Task<CodeAction?> FixAllAsync(Solution solution, List<Diagnostic> diagnostics, FixAllContext fixAllContext)
        {
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
