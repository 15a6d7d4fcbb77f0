using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;
using LockLevels.Cli.Loading;

namespace LockLevels.Cli.Analysis
{
    /// <summary>Everything a check found over a solution: what reports, baselines and pictures are made from.</summary>
    internal sealed record AnalysisResult(
        string RootDirectory,
        ImmutableArray<Finding> Findings,
        LockGraphModel Graph,
        ImmutableArray<RuleInfo> Rules,
        ImmutableArray<string> Errors,
        int ProjectCount);

    /// <summary>Loads a solution or project and analyses its C# projects one by one; a failing project does not stop the others.</summary>
    internal static class SolutionAnalysis
    {
        public static async Task<AnalysisResult> RunAsync(InputPath input, IReadOnlyDictionary<string, string> properties, bool restore, Progress progress, CancellationToken cancellationToken)
        {
            if (restore)
            {
                progress.Report($"restoring {SourceSpan.RelativePath(input.FullPath, Environment.CurrentDirectory)}");
                // Not fatal: the projects that did restore still load; the others fail below, each with its message.
                foreach (string failure in await Restore.RunAsync(input, properties, cancellationToken).ConfigureAwait(false))
                {
                    progress.Report("warning: " + failure);
                }
            }

            progress.Report($"loading {SourceSpan.RelativePath(input.FullPath, Environment.CurrentDirectory)}");
            var loaded = await WorkspaceLoader.LoadAsync(input, properties, progress, cancellationToken).ConfigureAwait(false);
            using var workspace = loaded.Workspace;

            var errors = new List<string>();
            foreach (var error in loaded.Errors)
            {
                errors.Add($"could not load {error.Project}: {error.Message}");
            }

            var findings = new List<Finding>();
            var seen = new HashSet<(string, SourceSpan?, string)>();
            var graphs = new List<LockGraphModel>();
            int count = loaded.Projects.Length;
            for (int i = 0; i < count; i++)
            {
                var result = await ProjectAnalyzer.AnalyzeAsync(loaded.Projects[i], input.RootDirectory, progress, i + 1, count, cancellationToken).ConfigureAwait(false);
                if (result.Error != null)
                {
                    errors.Add($"could not analyse {result.Project}: {result.Error}");
                }

                if (result.CompilerErrors > 0)
                {
                    progress.Report($"warning: {result.Project} has {result.CompilerErrors} compiler error(s); its findings may be incomplete");
                }

                // A file compiled into several projects (or target frameworks) is reported once.
                foreach (var finding in result.Findings)
                {
                    if (seen.Add((finding.RuleId, finding.Span, finding.Message)))
                    {
                        findings.Add(finding);
                    }
                }

                graphs.Add(result.Graph);
            }

            return new AnalysisResult(
                input.RootDirectory,
                Sort(findings),
                LockGraphModel.Merge(graphs),
                RuleInfo.From(AnalyzerCatalog.Create()),
                errors.ToImmutableArray(),
                count);
        }

        /// <summary>By file, position, rule and message: the order a sorted build log has.</summary>
        public static ImmutableArray<Finding> Sort(IEnumerable<Finding> findings)
            => findings
                .OrderBy(finding => finding.Span?.Path ?? "", StringComparer.Ordinal)
                .ThenBy(finding => finding.Span?.StartLine ?? 0)
                .ThenBy(finding => finding.Span?.StartColumn ?? 0)
                .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
                .ThenBy(finding => finding.Message, StringComparer.Ordinal)
                .ToImmutableArray();
    }
}
