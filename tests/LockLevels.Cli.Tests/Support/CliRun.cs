using System.IO;
using System.Threading.Tasks;
using LockLevels.Cli.Analysis;
using LockLevels.Cli.CommandLine;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>What a run of the command printed and returned.</summary>
    internal sealed record CliOutput(int ExitCode, string Out, string Error);

    /// <summary>Runs locklevels in-process, with its standard output and error captured.</summary>
    internal static class CliRun
    {
        /// <summary>The whole command: parse, restore, load, analyse, report.</summary>
        public static async Task<CliOutput> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exitCode = await new LockLevelsCommand(output, error).RunAsync(args);
            return new CliOutput(exitCode, output.ToString(), error.ToString());
        }

        /// <summary>Only the reporting half, over an analysis a fixture already made: args are parsed as usual, PATH is ignored.</summary>
        public static CliOutput Report(AnalysisResult result, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var options = ArgumentParser.Parse(args)!;
            int exitCode = new LockLevelsCommand(output, error).Report(options, result);
            return new CliOutput(exitCode, output.ToString(), error.ToString());
        }
    }
}
