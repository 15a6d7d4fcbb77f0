using System.Collections.Immutable;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Reports
{
    /// <summary>Every finding with its key parts, for scripts; with a baseline, each finding's state and the entries gone.</summary>
    internal static class JsonReport
    {
        public static void Write(Stream stream, ReportInput input, ImmutableArray<string> errors)
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteNumber("projects", input.ProjectCount);
            writer.WriteStartArray("findings");
            foreach (var finding in input.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", finding.RuleId);
                writer.WriteString("severity", Finding.SeverityName(finding.Severity));
                writer.WriteString("message", finding.Message);
                if (finding.Span != null)
                {
                    WriteSpan(writer, "location", finding.Span);
                }

                writer.WriteStartArray("related");
                foreach (var related in finding.Related)
                {
                    writer.WriteStartObject();
                    writer.WriteString("method", related.Method);
                    WriteSpan(writer, "location", related.Span);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                WriteStrings(writer, "lockClasses", finding.LockClasses);
                WriteStrings(writer, "methods", finding.Methods);
                writer.WriteString("project", finding.Project);
                if (input.Baseline != null)
                {
                    writer.WriteString("baselineState", input.Baseline.IsNew(finding) ? "new" : "unchanged");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (input.Baseline != null)
            {
                writer.WriteStartArray("gone");
                foreach (var entry in input.Baseline.Gone)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", entry.RuleId);
                    writer.WriteString("message", entry.Message);
                    WriteStrings(writer, "lockClasses", entry.LockClasses);
                    WriteStrings(writer, "methods", entry.Methods);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            WriteStrings(writer, "errors", errors);
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static void WriteSpan(Utf8JsonWriter writer, string name, SourceSpan span)
        {
            writer.WriteStartObject(name);
            writer.WriteString("path", span.Path);
            writer.WriteNumber("line", span.StartLine);
            writer.WriteNumber("column", span.StartColumn);
            writer.WriteNumber("endLine", span.EndLine);
            writer.WriteNumber("endColumn", span.EndColumn);
            writer.WriteEndObject();
        }

        private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
        {
            writer.WriteStartArray(name);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
    }
}
