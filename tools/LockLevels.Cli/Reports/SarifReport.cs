using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;

namespace LockLevels.Cli.Reports
{
    /// <summary>
    /// SARIF 2.1.0 for code-scanning services: the rules with their help URIs, every finding with its
    /// location, a relatedLocation per additional location (each hop, each edge of a cycle), a code
    /// flow with one thread flow per edge of a cycle, partialFingerprints that ignore lines, and with a
    /// baseline each result's baselineState.
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        private const string RootBase = "SRCROOT";

        public static void Write(Stream stream, ReportInput input)
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, input);
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject(RootBase);
            writer.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(input.RootDirectory) + Path.DirectorySeparatorChar).AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("columnKind", "utf16CodeUnits");
            WriteResults(writer, input);
            if (input.Baseline != null && !input.Baseline.Gone.IsEmpty)
            {
                writer.WriteStartObject("properties");
                writer.WriteStartArray("goneFromBaseline");
                foreach (var entry in input.Baseline.Gone)
                {
                    writer.WriteStringValue(entry.RuleId + ": " + entry.Message);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static void WriteTool(Utf8JsonWriter writer, ReportInput input)
        {
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "LockLevels");
            writer.WriteString("informationUri", "https://github.com/locklevels/locklevels");
            writer.WriteString("semanticVersion", ToolVersion);
            writer.WriteStartArray("rules");
            foreach (var rule in input.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("name", RuleName(rule.Title));
                Message(writer, "shortDescription", rule.Title);
                Message(writer, "fullDescription", rule.Description.Length > 0 ? rule.Description : rule.Title);
                if (rule.HelpUri.Length > 0)
                {
                    writer.WriteString("helpUri", rule.HelpUri);
                }

                // Code-scanning services show help text with each alert (GitHub requires it: GH2012).
                writer.WriteStartObject("help");
                writer.WriteString("text", rule.HelpUri.Length > 0 ? $"{rule.Title}. See {rule.HelpUri}" : rule.Title + ".");
                writer.WriteString("markdown", rule.HelpUri.Length > 0 ? $"{rule.Title}. See [{rule.Id}]({rule.HelpUri})." : rule.Title + ".");
                writer.WriteEndObject();

                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", rule.DefaultLevel);
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteString("category", rule.Category);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void WriteResults(Utf8JsonWriter writer, ReportInput input)
        {
            var fingerprints = Fingerprints.For(input.Findings);
            writer.WriteStartArray("results");
            for (int i = 0; i < input.Findings.Length; i++)
            {
                var finding = input.Findings[i];
                writer.WriteStartObject();
                writer.WriteString("ruleId", finding.RuleId);
                int ruleIndex = input.Rules.IndexOf(input.RuleOf(finding.RuleId)!);
                if (ruleIndex >= 0)
                {
                    writer.WriteNumber("ruleIndex", ruleIndex);
                }

                writer.WriteString("level", finding.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "note" });
                Message(writer, "message", finding.Message);
                writer.WriteStartArray("locations");
                if (finding.Span != null)
                {
                    writer.WriteStartObject();
                    PhysicalLocation(writer, finding.Span);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (!finding.Related.IsEmpty)
                {
                    writer.WriteStartArray("relatedLocations");
                    for (int r = 0; r < finding.Related.Length; r++)
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("id", r + 1);
                        PhysicalLocation(writer, finding.Related[r].Span);
                        Message(writer, "message", finding.Related[r].Method);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                var cycle = input.CycleOf(finding);
                if (cycle != null && !cycle.Edges.IsEmpty)
                {
                    WriteCodeFlow(writer, cycle);
                }

                writer.WriteStartObject("partialFingerprints");
                writer.WriteString(Fingerprints.Name, fingerprints[i]);
                writer.WriteEndObject();
                if (input.Baseline != null)
                {
                    writer.WriteString("baselineState", input.Baseline.IsNew(finding) ? "new" : "unchanged");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        /// <summary>One thread flow per edge: the thread that holds Held and, down its call chain, takes Acquired.</summary>
        private static void WriteCodeFlow(Utf8JsonWriter writer, GraphCycle cycle)
        {
            writer.WriteStartArray("codeFlows");
            writer.WriteStartObject();
            Message(writer, "message", cycle.Edges[0].Held + string.Concat(cycle.Edges.Select(edge => " → " + edge.Acquired)));
            writer.WriteStartArray("threadFlows");
            foreach (var edge in cycle.Edges)
            {
                writer.WriteStartObject();
                Message(writer, "message", $"{edge.Acquired} acquired while {edge.Held} is held");
                writer.WriteStartArray("locations");
                for (int hop = 0; hop < edge.Chain.Length; hop++)
                {
                    var step = edge.Chain[hop];
                    writer.WriteStartObject();
                    writer.WriteStartObject("location");
                    if (step.Span != null)
                    {
                        PhysicalLocation(writer, step.Span);
                    }

                    Message(writer, "message", $"{step.Method}: {step.Description}");
                    writer.WriteEndObject();
                    writer.WriteNumber("nestingLevel", hop);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        /// <summary>"Possible circular locking dependency" as "PossibleCircularLockingDependency": letters and digits only.</summary>
        private static string RuleName(string title)
        {
            var name = new System.Text.StringBuilder();
            foreach (string word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                bool first = true;
                foreach (char c in word)
                {
                    if (char.IsLetterOrDigit(c))
                    {
                        name.Append(first ? char.ToUpperInvariant(c) : c);
                        first = false;
                    }
                }
            }

            return name.ToString();
        }

        private static void PhysicalLocation(Utf8JsonWriter writer, SourceSpan span)
        {
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            if (Path.IsPathRooted(span.Path))
            {
                writer.WriteString("uri", new Uri(span.Path).AbsoluteUri);
            }
            else
            {
                writer.WriteString("uri", string.Join("/", span.Path.Split('/').Select(Uri.EscapeDataString)));
                writer.WriteString("uriBaseId", RootBase);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", span.StartLine);
            writer.WriteNumber("startColumn", span.StartColumn);
            writer.WriteNumber("endLine", span.EndLine);
            writer.WriteNumber("endColumn", span.EndColumn);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void Message(Utf8JsonWriter writer, string name, string text)
        {
            writer.WriteStartObject(name);
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        private static string ToolVersion
            => typeof(SarifReport).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "0.0.0";
    }
}
