namespace LockLevels.Cli.CommandLine
{
    /// <summary>How <c>locklevels check</c> reports.</summary>
    internal enum ReportFormat
    {
        Text,
        Lockdep,
        Sarif,
        Json,
    }

    /// <summary>What <c>locklevels graph</c> writes, from -o's extension unless --format says.</summary>
    internal enum GraphFormat
    {
        Dot,
        Mermaid,
        Svg,
        Png,
    }

    /// <summary>The lowest severity that makes <c>check</c> exit with 1.</summary>
    internal enum FailOn
    {
        Error,
        Warning,
        Info,
        Never,
    }

    /// <summary>What every command shares: the solution or project, and whether to show progress.</summary>
    internal abstract class CommandOptions
    {
        public string Path { get; set; } = "";

        public bool Quiet { get; set; }

        /// <summary>--no-restore: the input is restored already; do not run dotnet restore first.</summary>
        public bool NoRestore { get; set; }

        /// <summary>-p:Name=Value, passed to MSBuild when the projects are loaded (Configuration=Release...).</summary>
        public System.Collections.Generic.Dictionary<string, string> Properties { get; } = new(System.StringComparer.OrdinalIgnoreCase);
    }

    internal sealed class CheckOptions : CommandOptions
    {
        public ReportFormat Format { get; set; } = ReportFormat.Text;

        public FailOn FailOn { get; set; } = FailOn.Warning;

        public string? Baseline { get; set; }

        public string? WriteBaseline { get; set; }

        /// <summary>Where the report goes; standard output when null.</summary>
        public string? Output { get; set; }
    }

    internal sealed class GraphOptions : CommandOptions
    {
        public string Output { get; set; } = "";

        public GraphFormat Format { get; set; }

        /// <summary>--format was given; otherwise -o's extension decides.</summary>
        public bool FormatGiven { get; set; }

        public bool CyclesOnly { get; set; }

        /// <summary>Only the lock classes taken in this namespace (or one nested in it).</summary>
        public string? Namespace { get; set; }
    }
}
