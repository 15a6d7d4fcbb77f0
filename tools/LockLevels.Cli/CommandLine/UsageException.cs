namespace LockLevels.Cli.CommandLine
{
    /// <summary>The command line is wrong: the message says how, and the exit code is 2.</summary>
    internal sealed class UsageException : System.Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
