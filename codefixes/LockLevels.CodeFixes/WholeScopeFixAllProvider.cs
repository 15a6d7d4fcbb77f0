using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// A Fix All that gathers every diagnostic of its scope (document, project, solution) first and makes
    /// one rewrite of them all: the fixes whose edits for one diagnostic depend on the others'.
    /// </summary>
    internal abstract class WholeScopeFixAllProvider : FixAllProvider
    {
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

            return await FixAllAsync(fixAllContext.Solution, diagnostics, fixAllContext).ConfigureAwait(false);
        }

        /// <summary>The one action for all of <paramref name="diagnostics"/>, or null when none can be fixed.</summary>
        protected abstract Task<CodeAction?> FixAllAsync(Solution solution, List<Diagnostic> diagnostics, FixAllContext fixAllContext);
    }
}
