using System;
using Microsoft.CodeAnalysis;

namespace LockLevels.Cli.Findings
{
    /// <summary>
    /// A place in a source file, 1-based as compilers print it. <see cref="Path"/> is relative to the
    /// folder of the checked solution or project (with '/'), or absolute when the file lies outside it.
    /// </summary>
    internal sealed record SourceSpan(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public override string ToString() => $"{Path}({StartLine},{StartColumn})";

        /// <summary>"file:line", the way a stack line names its place.</summary>
        public string FileAndLine => $"{Path}:{StartLine}";

        public static SourceSpan? From(Location location, string rootDirectory)
        {
            if (!location.IsInSource && location.Kind != LocationKind.ExternalFile)
            {
                return null;
            }

            var span = location.GetMappedLineSpan();
            if (!span.IsValid)
            {
                span = location.GetLineSpan();
            }

            return new SourceSpan(
                RelativePath(span.Path, rootDirectory),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1);
        }

        public static string RelativePath(string path, string rootDirectory)
        {
            if (path.Length == 0 || !System.IO.Path.IsPathRooted(path))
            {
                return path.Replace('\\', '/');
            }

            string relative = System.IO.Path.GetRelativePath(rootDirectory, path);
            bool outside = relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative);
            return (outside ? path : relative).Replace('\\', '/');
        }
    }
}
