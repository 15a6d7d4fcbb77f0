using System.Linq;
using System.Threading.Tasks;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Commands
{
    /// <summary>
    /// One solution, loaded once: a project that already gets LockLevels' analyzer (as the package gives
    /// it) and raises LL0001 to an error in its .editorconfig, and a project whose file is broken.
    /// </summary>
    public sealed class SolutionLoadTests : IClassFixture<SolutionLoadTests.BrokenSolution>
    {
        private readonly BrokenSolution _solution;

        public SolutionLoadTests(BrokenSolution solution)
        {
            _solution = solution;
        }

        [Fact]
        public void ABrokenProject_ExitsWith2_WithAClearMessageNamingIt()
        {
            Assert.Equal(2, _solution.Run.ExitCode);
            var errors = _solution.Run.Error.Split('\n').Where(line => line.StartsWith("error: ")).ToArray();
            var error = Assert.Single(errors);
            Assert.StartsWith("error: could not load Broken/Broken.csproj: ", error);
            Assert.Contains("The project file could not be loaded.", error);
        }

        [Fact]
        public void TheOtherProject_IsStillAnalysed_ItsFindingReportedOnce_AtTheEditorconfigsSeverity()
        {
            Assert.Equal("""
                LL0001: Lock-order inversion (1 finding)
                  Shop/Store.cs
                    Shop/Store.cs(16,23): error LL0001: 'Outer' is acquired while 'Inner' is held; Outer is outer to Inner

                1 finding (1 error) in 1 project

                """.ReplaceLineEndings(), _solution.Run.Out);
        }

        [Fact]
        public void Progress_CountsTheProjects_OnStandardError()
        {
            Assert.Contains("[1/1] compiling Shop\n", _solution.Run.Error.ReplaceLineEndings("\n"));
            Assert.Contains("[1/1] analysing Shop\n", _solution.Run.Error.ReplaceLineEndings("\n"));
        }

        public sealed class BrokenSolution : IAsyncLifetime
        {
            private readonly TempTree _tree = new();

            internal CliOutput Run { get; private set; } = null!;

            public async Task InitializeAsync()
            {
                _tree.WriteProjectWithAnalyzer("Shop", "Shop");
                _tree.Write("Shop/Store.cs", """
                    using LockLevels;

                    [assembly: LockHierarchy("Outer", "Inner")]

                    namespace Shop
                    {
                        internal sealed class Store
                        {
                            [Lock("Outer")] private readonly object _outer = new object();
                            [Lock("Inner")] private readonly object _inner = new object();

                            internal void Restock()
                            {
                                lock (_inner)
                                {
                                    lock (_outer)
                                    {
                                    }
                                }
                            }

                            private static void Main() => new Store().Restock();
                        }
                    }
                    """);
                _tree.Write("Shop/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LL0001.severity = error\n");
                _tree.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n");
                _tree.Write("Shop.slnx", "<Solution>\n  <Project Path=\"Broken/Broken.csproj\" />\n  <Project Path=\"Shop/Shop.csproj\" />\n</Solution>\n");
                Run = await CliRun.RunAsync("check", _tree.PathOf("Shop.slnx"));
            }

            public Task DisposeAsync()
            {
                _tree.Dispose();
                return Task.CompletedTask;
            }
        }
    }
}
