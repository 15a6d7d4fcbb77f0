using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LockLevels.Bench
{
    /// <summary>
    /// The generated sources without LockLevels' annotations, as the real libraries of docs/evaluation.md are:
    /// the same locks and calls, each lock an inferred class (LL0100's), and no planted annotation bug left.
    /// </summary>
    internal static class Unannotated
    {
        private static readonly Regex Using = new(@"^\s*using LockLevels;\s*\n", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        private static readonly Regex Hierarchy = new(@"\[assembly: LockHierarchy\([^\]]*\)\]\s*\n", RegexOptions.CultureInvariant);
        private static readonly Regex Attribute = new(
            @"\[(Lock|Acquires|Releases|MightAcquire|CalledWithLocksHeld|CalledWithLocksNotHeld|AcquiredWithLocksNotHeld|LockSetup|LockTeardown|RecursiveLevels|LockNesting)(\([^\]]*\))?\]\s*",
            RegexOptions.CultureInvariant);

        public static List<(string Path, string Text)> Strip(IReadOnlyList<(string Path, string Text)> files)
        {
            var stripped = new List<(string, string)>(files.Count);
            foreach (var (path, text) in files)
            {
                stripped.Add((path, Attribute.Replace(Hierarchy.Replace(Using.Replace(text, string.Empty), string.Empty), string.Empty)));
            }

            return stripped;
        }
    }
}
