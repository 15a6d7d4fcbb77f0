using System.Collections.Immutable;

namespace LockLevels.Cli.Findings
{
    /// <summary>How serious a finding is, after the projects' .editorconfig and WarningsAsErrors.</summary>
    internal enum FindingSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>A place a finding points at besides its own: a hop of a call chain, an edge of a cycle.</summary>
    internal sealed record RelatedSpan(SourceSpan Span, string Method);

    /// <summary>
    /// One LockLevels diagnostic as the command line reports it, free of Roslyn objects so reports and
    /// baselines can be built and tested from plain values.
    /// </summary>
    /// <param name="LockClasses">The levels and inferred lock classes the finding is about, sorted.</param>
    /// <param name="Methods">The documentation IDs of the members around the location and each related location, in that order.</param>
    internal sealed record Finding(
        string RuleId,
        FindingSeverity Severity,
        string Message,
        SourceSpan? Span,
        ImmutableArray<RelatedSpan> Related,
        ImmutableArray<string> LockClasses,
        ImmutableArray<string> Methods,
        string Project)
    {
        /// <summary>
        /// What identifies the finding across edits that do not touch it: the rule, the lock classes
        /// and the methods, never a line or a column. Baselines and SARIF fingerprints use it.
        /// </summary>
        public string Key => KeyOf(RuleId, LockClasses, Methods);

        /// <summary>"LL0004|FolioLock,MmapLock,SbWriters|M:Netfs.CachefilesCache.PrepareRead,...".</summary>
        public static string KeyOf(string ruleId, ImmutableArray<string> lockClasses, ImmutableArray<string> methods)
            => ruleId + "|" + string.Join(",", lockClasses) + "|" + string.Join(",", methods);

        /// <summary>"path(line,col): warning LL0004: message", as a build prints it (without the help link).</summary>
        public string BuildLine => (Span == null ? "" : Span + ": ") + SeverityName(Severity) + " " + RuleId + ": " + Message;

        public static string SeverityName(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => "error",
            FindingSeverity.Warning => "warning",
            _ => "info",
        };
    }
}
