using System;
using Microsoft.CodeAnalysis.Testing;

namespace LockLevels.Tests.Support
{
    /// <summary>Spans by text, for sources shared between tests where markup cannot live.</summary>
    public static class Locate
    {
        /// <summary>Adds the span of the <paramref name="nth"/> occurrence of <paramref name="snippet"/> in <paramref name="source"/>.</summary>
        public static DiagnosticResult At(this DiagnosticResult result, string source, string snippet, int nth = 0)
        {
            int index = -1;
            for (int i = 0; i <= nth; i++)
            {
                index = source.IndexOf(snippet, index + 1, StringComparison.Ordinal);
                if (index < 0)
                {
                    throw new ArgumentException($"'{snippet}' occurs fewer than {nth + 1} times in the source");
                }
            }

            var (startLine, startColumn) = Position(source, index);
            var (endLine, endColumn) = Position(source, index + snippet.Length);
            return result.WithSpan(startLine, startColumn, endLine, endColumn);
        }

        private static (int Line, int Column) Position(string source, int offset)
        {
            int line = 1, column = 1;
            for (int i = 0; i < offset; i++)
            {
                if (source[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return (line, column);
        }
    }
}
