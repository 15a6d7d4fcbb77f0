using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LockLevels.CodeFixes
{
    /// <summary>One per-call acquisition the long-term claim fix replaces, found from an LL0002 or LL0003 diagnostic.</summary>
    internal sealed class ClaimSite
    {
        private ClaimSite(DocumentId document, TextSpan span, string level, string claim)
        {
            Document = document;
            Span = span;
            Level = level;
            Claim = claim;
        }

        public DocumentId Document { get; }

        /// <summary>The acquiring call.</summary>
        public TextSpan Span { get; }

        public string Level { get; }

        public string Claim { get; }

        /// <summary>
        /// The site a diagnostic asks to fix, or null when no fix is offered (no LongTermClaim declared, or
        /// the analyzer found the receiver unreachable from set-up). LL0002 points at the acquisition
        /// itself; LL0003 at a call, with the acquisition as its last additional location.
        /// </summary>
        public static ClaimSite? From(Diagnostic diagnostic, Solution solution)
        {
            if (!diagnostic.Properties.TryGetValue(ClaimProperties.LongTermClaim, out var claim) || claim == null
                || !diagnostic.Properties.TryGetValue(ClaimProperties.Level, out var level) || level == null
                || diagnostic.Properties.ContainsKey(ClaimProperties.Unavailable))
            {
                return null;
            }

            var location = diagnostic.Id == DiagnosticIds.CallAcquiresOuterLevel
                ? diagnostic.AdditionalLocations.LastOrDefault()
                : diagnostic.Location;
            if (location?.SourceTree == null)
            {
                return null;
            }

            var document = solution.GetDocumentId(location.SourceTree);
            return document == null ? null : new ClaimSite(document, location.SourceSpan, level, claim);
        }

        public static async Task<ImmutableArray<ClaimSite>> FromAllAsync(IEnumerable<Diagnostic> diagnostics, Solution solution, CancellationToken cancellationToken)
        {
            await Task.Yield();
            var sites = ImmutableArray.CreateBuilder<ClaimSite>();
            var seen = new HashSet<(DocumentId, TextSpan)>();
            foreach (var diagnostic in diagnostics)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var site = From(diagnostic, solution);
                if (site != null && seen.Add((site.Document, site.Span)))
                {
                    sites.Add(site);
                }
            }

            return sites.ToImmutable();
        }
    }
}
