using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Baseline
{
    /// <summary>A finding as a baseline remembers it: its key parts, and the message for people reading the file.</summary>
    internal sealed record BaselineEntry(string RuleId, ImmutableArray<string> LockClasses, ImmutableArray<string> Methods, string Message)
    {
        public string Key => Finding.KeyOf(RuleId, LockClasses, Methods);

        public static BaselineEntry Of(Finding finding) => new(finding.RuleId, finding.LockClasses, finding.Methods, finding.Message);
    }

    /// <summary>
    /// The findings accepted so far (<c>--write-baseline</c>), keyed by rule, lock classes and method
    /// symbols and never by line, so edits elsewhere in a file do not make old findings look new.
    /// </summary>
    internal static class BaselineFile
    {
        private const int FormatVersion = 1;

        private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static void Write(string path, IEnumerable<Finding> findings)
        {
            var entries = new List<BaselineEntry>();
            foreach (var finding in findings)
            {
                entries.Add(BaselineEntry.Of(finding));
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Key + "\n" + a.Message, b.Key + "\n" + b.Message));
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory != null)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = File.Create(path);
            using var writer = new Utf8JsonWriter(stream, WriterOptions);
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("tool", "locklevels");
            writer.WriteStartArray("findings");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", entry.RuleId);
                WriteStrings(writer, "lockClasses", entry.LockClasses);
                WriteStrings(writer, "methods", entry.Methods);
                writer.WriteString("message", entry.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
        }

        /// <summary>The entries of a baseline file; a file that is not one is a usage error.</summary>
        public static ImmutableArray<BaselineEntry> Read(string path)
        {
            if (!File.Exists(path))
            {
                throw new CommandLine.UsageException($"baseline '{path}' does not exist (create it with --write-baseline)");
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                if (!root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion)
                {
                    throw new CommandLine.UsageException($"baseline '{path}' is not a version {FormatVersion} locklevels baseline");
                }

                var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
                foreach (var item in root.GetProperty("findings").EnumerateArray())
                {
                    entries.Add(new BaselineEntry(
                        item.GetProperty("rule").GetString() ?? "",
                        Strings(item.GetProperty("lockClasses")),
                        Strings(item.GetProperty("methods")),
                        item.TryGetProperty("message", out var message) ? message.GetString() ?? "" : ""));
                }

                return entries.ToImmutable();
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new CommandLine.UsageException($"baseline '{path}' cannot be read: {exception.Message}");
            }
        }

        private static ImmutableArray<string> Strings(JsonElement array)
        {
            var values = ImmutableArray.CreateBuilder<string>();
            foreach (var item in array.EnumerateArray())
            {
                values.Add(item.GetString() ?? "");
            }

            return values.ToImmutable();
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
