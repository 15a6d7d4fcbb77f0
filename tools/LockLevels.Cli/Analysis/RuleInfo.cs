using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Cli.Analysis
{
    /// <summary>A rule as its analyzer describes it, for reports (SARIF's rules, the text report's headings).</summary>
    internal sealed record RuleInfo(string Id, string Title, string Description, string HelpUri, string Category, string DefaultLevel)
    {
        public static ImmutableArray<RuleInfo> From(IEnumerable<DiagnosticAnalyzer> analyzers)
            => analyzers
                .SelectMany(analyzer => analyzer.SupportedDiagnostics)
                .GroupBy(descriptor => descriptor.Id)
                .Select(group => group.First())
                .OrderBy(descriptor => descriptor.Id, System.StringComparer.Ordinal)
                .Select(descriptor => new RuleInfo(
                    descriptor.Id,
                    descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    descriptor.HelpLinkUri,
                    descriptor.Category,
                    Level(descriptor.DefaultSeverity)))
                .ToImmutableArray();

        private static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };
    }
}
