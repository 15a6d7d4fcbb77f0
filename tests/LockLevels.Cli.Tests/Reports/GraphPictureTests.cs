using System.IO;
using System.Linq;
using System.Xml.Linq;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Reports
{
    /// <summary>`locklevels graph` over samples/Netfs: the DOT, the SVG Graphviz draws from it, and the README's committed picture.</summary>
    [Collection(SamplesCollection.Name)]
    public sealed class GraphPictureTests
    {
        private static readonly string[] NetfsLevels = { "SbWriters", "MmapLock", "InvalidateLock", "FolioLock" };

        private readonly SamplesFixture _samples;

        public GraphPictureTests(SamplesFixture samples)
        {
            _samples = samples;
        }

        [Fact]
        public void NetfsDot_HasEveryLevel_AndTheCycleEdgesInRed()
        {
            string dot = Render("dot");

            foreach (string level in NetfsLevels)
            {
                Assert.Contains($"    \"{level}\";\n", dot);
            }

            var red = dot.Split('\n').Where(line => line.Contains("color=\"#d93025\"")).Select(line => line.Trim().Split(" [")[0]).OrderBy(edge => edge, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(new[]
            {
                "\"FolioLock\" -> \"SbWriters\"",
                "\"InvalidateLock\" -> \"SbWriters\"",
                "\"MmapLock\" -> \"SbWriters\"",
                "\"SbWriters\" -> \"FolioLock\"",
                "\"SbWriters\" -> \"InvalidateLock\"",
                "\"SbWriters\" -> \"MmapLock\"",
            }, red);
        }

        [Fact]
        public void NetfsSvg_IsWellFormed_AndNamesEveryLevel()
        {
            var svg = XDocument.Parse(Render("svg"));

            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            var texts = svg.Descendants(ns + "text").Select(text => text.Value).ToHashSet();
            Assert.All(NetfsLevels, level => Assert.Contains(level, texts));
        }

        [Fact]
        public void TheReadmesPicture_IsWhatTheToolDrawsToday()
        {
            // Regenerate: dotnet run --project tools/LockLevels.Cli -- graph samples/Netfs -o docs/images/netfs-lock-graph.svg
            // The SVG is Graphviz' layout, so it was drawn with the dot that eng/install-prereqs.sh installs here
            // (Debian 12's graphviz, 2.43.0): another Graphviz version may lay it out differently.
            Assert.Equal(File.ReadAllText(Repo.PathOf("docs/images/netfs-lock-graph.svg")), Render("svg"));
        }

        private string Render(string extension)
        {
            string path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + "." + extension);
            try
            {
                var run = CliRun.Report(_samples.Netfs, "graph", "samples/Netfs", "-o", path);
                Assert.True(run.ExitCode == 0, run.Error);
                return File.ReadAllText(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
