using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace Corpus.InterpolatedStrings
{
    public enum LogLevel
    {
        Trace,
        Debug,
        Information,
        Warning,
        Error,
    }

    /// <summary>
    /// A logger whose interpolated-string handler formats only when the level is enabled; the
    /// writer is shared, so each line is written under the logger's lock.
    /// </summary>
    public sealed class StructuredLogger(TextWriter writer, LogLevel minimum)
    {
        private readonly object _writeGate = new();
        private long _lines;

        public LogLevel Minimum { get; set; } = minimum;

        public long Lines => Interlocked.Read(ref _lines);

        public bool IsEnabled(LogLevel level) => level >= Minimum;

        public void Log(LogLevel level, [InterpolatedStringHandlerArgument("", "level")] ref LogInterpolatedStringHandler message)
        {
            if (!message.Enabled)
            {
                return;
            }

            var text = message.ToStringAndClear();
            lock (_writeGate)
            {
                writer.Write($"{DateTime.UtcNow:O} [{level,-11}] ");
                writer.WriteLine(text);
                _lines++;
            }
        }

        public void Log(LogLevel level, string message)
        {
            if (IsEnabled(level))
            {
                lock (_writeGate)
                {
                    writer.WriteLine($"{DateTime.UtcNow:O} [{level,-11}] {message}");
                    _lines++;
                }
            }
        }
    }

    [InterpolatedStringHandler]
    public ref struct LogInterpolatedStringHandler
    {
        private DefaultInterpolatedStringHandler _inner;

        public LogInterpolatedStringHandler(int literalLength, int formattedCount, StructuredLogger logger, LogLevel level, out bool enabled)
        {
            enabled = logger.IsEnabled(level);
            Enabled = enabled;
            _inner = enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public bool Enabled { get; }

        public void AppendLiteral(string value) => _inner.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

        public void AppendFormatted<T>(T value, int alignment, string? format = null) => _inner.AppendFormatted(value, alignment, format);

        public void AppendFormatted(ReadOnlySpan<char> value) => _inner.AppendFormatted(value);

        public string ToStringAndClear() => _inner.ToStringAndClear();
    }

    public static class Reports
    {
        public static string Render(IReadOnlyList<(string Name, decimal Amount, DateOnly Due)> rows)
        {
            var builder = new StringBuilder();
            builder.AppendLine($$"""
                {
                  "title": "Invoices due",
                  "count": {{rows.Count}},
                  "generated": "{{DateTime.UtcNow:yyyy-MM-dd}}"
                }
                """);
            foreach (var (name, amount, due) in rows)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{name,-20}|{amount,12:N2}|{due:yyyy-MM-dd}|{(due < DateOnly.FromDateTime(DateTime.Today) ? "OVERDUE" : "")}");
                builder.AppendLine();
            }

            return builder.ToString();
        }

        public static string Sql(string table, IReadOnlyList<string> columns) => $"""
            SELECT {string.Join(", ", columns)}
            FROM "{table}"
            WHERE "deleted_at" IS NULL
            ORDER BY {columns[0]} -- first column: "{columns[0]}"
            """;

        public static string Usage { get; } = """
            usage: report [--since <date>] [--format json|text]
              prints the invoices that fall due, with "quotes" and {braces} kept verbatim
            """;

        public static void Example(StructuredLogger logger, Guid requestId, TimeSpan elapsed, int items)
        {
            logger.Log(LogLevel.Information, $"request {requestId:N} finished in {elapsed.TotalMilliseconds:F1} ms with {items} item{(items == 1 ? "" : "s")}");
            logger.Log(LogLevel.Debug, $"{nameof(Example)}: {"detail".AsSpan()} at {DateTime.UtcNow,30:O}");
            var path = @$"C:\logs\{DateTime.UtcNow:yyyyMMdd}\{requestId}.log";
            logger.Log(LogLevel.Trace, path);
        }
    }
}
