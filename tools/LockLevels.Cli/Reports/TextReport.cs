using System.IO;
using System.Linq;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Reports
{
    /// <summary>
    /// The default report: the findings that count, grouped by rule and then by file, each on the line a
    /// build prints; with a baseline, how many were already known and which baseline entries are gone.
    /// </summary>
    internal static class TextReport
    {
        public static void Write(TextWriter writer, ReportInput input)
        {
            var counted = input.Counted;
            foreach (var rule in counted.GroupBy(finding => finding.RuleId).OrderBy(group => group.Key, System.StringComparer.Ordinal))
            {
                string title = input.RuleOf(rule.Key)?.Title ?? "";
                writer.WriteLine($"{rule.Key}: {title} ({Count(rule.Count(), "finding")})");
                foreach (var file in rule.GroupBy(finding => finding.Span?.Path ?? "").OrderBy(group => group.Key, System.StringComparer.Ordinal))
                {
                    writer.WriteLine($"  {(file.Key.Length == 0 ? "(no file)" : file.Key)}");
                    foreach (var finding in file)
                    {
                        writer.WriteLine($"    {finding.BuildLine}");
                    }
                }

                writer.WriteLine();
            }

            WriteGone(writer, input);
            writer.WriteLine(Summary(input));
        }

        /// <summary>"8 findings (8 warnings) in 1 project", and with a baseline "2 new, 6 known, 1 gone".</summary>
        public static string Summary(ReportInput input)
        {
            var counted = input.Counted;
            int errors = counted.Count(finding => finding.Severity == FindingSeverity.Error);
            int warnings = counted.Count(finding => finding.Severity == FindingSeverity.Warning);
            int infos = counted.Length - errors - warnings;
            string kinds = string.Join(", ", new[] { (errors, "error"), (warnings, "warning"), (infos, "info") }
                .Where(kind => kind.Item1 > 0).Select(kind => kind.Item2 == "info" ? $"{kind.Item1} info" : Count(kind.Item1, kind.Item2)));
            string what = input.Baseline == null ? Count(counted.Length, "finding") : $"{counted.Length} new {(counted.Length == 1 ? "finding" : "findings")}";
            string summary = what + (kinds.Length > 0 ? $" ({kinds})" : "") + $" in {Count(input.ProjectCount, "project")}";
            if (input.Baseline != null)
            {
                summary += $"; {input.Baseline.Known.Length} known (in the baseline), {input.Baseline.Gone.Length} gone";
            }

            return summary;
        }

        public static void WriteGone(TextWriter writer, ReportInput input)
        {
            if (input.Baseline == null || input.Baseline.Gone.IsEmpty)
            {
                return;
            }

            writer.WriteLine($"Gone (in the baseline, no longer found): {input.Baseline.Gone.Length}");
            foreach (var entry in input.Baseline.Gone)
            {
                writer.WriteLine($"  {entry.RuleId}: {entry.Message}");
            }

            writer.WriteLine();
        }

        private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
    }
}
