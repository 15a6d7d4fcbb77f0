using LockLevels.Cli.CommandLine;
using LockLevels.Cli.Tests.Support;
using System.Threading.Tasks;
using Xunit;

namespace LockLevels.Cli.Tests.Commands
{
    public sealed class ArgumentParserTests
    {
        [Fact]
        public void Check_TakesItsOptions()
        {
            var options = Assert.IsType<CheckOptions>(ArgumentParser.Parse(new[] { "check", "src/App.sln", "--format", "lockdep", "--fail-on", "error", "--baseline", "b.json", "-p:Configuration=Release" }));

            Assert.Equal(("src/App.sln", ReportFormat.Lockdep, FailOn.Error, "b.json"), (options.Path, options.Format, options.FailOn, options.Baseline));
            Assert.Equal("Release", options.Properties["Configuration"]);
        }

        [Fact]
        public void Graph_TellsTheFormatFromTheExtension()
        {
            var options = Assert.IsType<GraphOptions>(ArgumentParser.Parse(new[] { "graph", "-o", "out/locks.mmd", "--cycles-only" }));

            Assert.Equal((".", GraphFormat.Mermaid, true), (options.Path, options.Format, options.CyclesOnly));
        }

        [Theory]
        [InlineData("lint")]
        [InlineData("check", "--format", "xml")]
        [InlineData("check", "--wat")]
        [InlineData("graph", "x.sln")]
        [InlineData("graph", "-o", "x.jpeg")]
        public void UsageErrors_Throw(params string[] args)
        {
            Assert.Throws<UsageException>(() => ArgumentParser.Parse(args));
        }

        [Fact]
        public async Task AUsageError_ExitsWith2_AndSaysWhat()
        {
            var run = await CliRun.RunAsync("check", "--format", "xml");

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("locklevels: unknown --format 'xml' (text, lockdep, sarif, json)", run.Error);
        }
    }
}
