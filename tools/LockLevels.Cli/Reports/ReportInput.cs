using System.Collections.Immutable;
using LockLevels.Cli.Analysis;
using LockLevels.Cli.Baseline;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;

namespace LockLevels.Cli.Reports
{
    /// <summary>What every report format is written from.</summary>
    internal sealed record ReportInput(
        ImmutableArray<Finding> Findings,
        LockGraphModel Graph,
        ImmutableArray<RuleInfo> Rules,
        BaselineComparison? Baseline,
        string RootDirectory,
        int ProjectCount)
    {
        /// <summary>The findings that count: all of them, or with a baseline the new ones.</summary>
        public ImmutableArray<Finding> Counted => Baseline?.New ?? Findings;

        public static ReportInput From(AnalysisResult result, BaselineComparison? baseline)
            => new(result.Findings, result.Graph, result.Rules, baseline, result.RootDirectory, result.ProjectCount);

        /// <summary>The cycle in the graph that a finding reports, if it reports one.</summary>
        public GraphCycle? CycleOf(Finding finding)
        {
            foreach (var cycle in Graph.Cycles)
            {
                if (cycle.RuleId == finding.RuleId && cycle.Message == finding.Message && Equals(cycle.Span, finding.Span))
                {
                    return cycle;
                }
            }

            return null;
        }

        public RuleInfo? RuleOf(string id)
        {
            foreach (var rule in Rules)
            {
                if (rule.Id == id)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
