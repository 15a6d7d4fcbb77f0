namespace LockLevels.Cli.CommandLine
{
    /// <summary>What <c>locklevels</c> returns: scripts and CI read these.</summary>
    internal static class ExitCodes
    {
        /// <summary>Nothing at or above --fail-on (or nothing new, with a baseline).</summary>
        public const int Clean = 0;

        /// <summary>Findings at or above --fail-on.</summary>
        public const int Findings = 1;

        /// <summary>A usage error, or a project that could not be loaded or analysed.</summary>
        public const int Error = 2;
    }
}
