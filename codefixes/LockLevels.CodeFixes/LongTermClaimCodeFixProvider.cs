using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockLevels.CodeFixes
{
    /// <summary>
    /// LL0002/LL0003: replace a per-call acquisition in a deep path by a long-term claim taken when
    /// the owning object is set up (the seed's mnt_want_write in cachefiles_add_cache).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LongTermClaimCodeFixProvider)), Shared]
    public sealed class LongTermClaimCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "LockLevels.LongTermClaim";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.OuterLevelInDeepContext, DiagnosticIds.CallAcquiresOuterLevel);

        public override FixAllProvider GetFixAllProvider() => LongTermClaimFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                var site = ClaimSite.From(diagnostic, solution);
                var document = site == null ? null : solution.GetDocument(site.Document);
                if (site == null || document == null)
                {
                    continue;
                }

                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (root == null || model == null || !LongTermClaimRewriter.CanFix(root, model, site, context.CancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Claim '{site.Level}' long-term with {site.Claim}() at set-up",
                        cancellationToken => LongTermClaimRewriter.ApplyAsync(solution, ImmutableArray.Create(site), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
