using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Commands
{
    /// <summary>
    /// The baseline workflow on a copy of samples/Netfs: accept today's findings, add an inversion (only it
    /// fails), accept it too, fix it (it is listed as gone). The copy's files are where the sample's are, so
    /// the keys (rule, lock classes, members) match the sample's without any line number in them.
    /// </summary>
    [Collection(SamplesCollection.Name)]
    public sealed class BaselineRoundTripTests
    {
        private const string Inverted = """
            using LockLevels;

            [assembly: LockHierarchy("ReclaimList", "ReclaimEntry")]

            namespace Netfs.Mm
            {
                internal sealed class Reclaim
                {
                    [Lock("ReclaimList")] private readonly object _list = new object();
                    [Lock("ReclaimEntry")] private readonly object _entry = new object();

                    internal void Shrink()
                    {
                        lock (_entry)
                        {
                            lock (_list)
                            {
                            }
                        }
                    }
                }
            }
            """;

        private readonly SamplesFixture _samples;

        public BaselineRoundTripTests(SamplesFixture samples)
        {
            _samples = samples;
        }

        [Fact]
        public async Task OnlyTheNewInversionFails_AndOnceFixedItIsListedAsGone()
        {
            using var tree = new TempTree();
            string baseline = tree.PathOf("baseline.json");
            string accepted = tree.PathOf("accepted.json");

            var written = CliRun.Report(_samples.Netfs, "check", "--write-baseline", baseline);
            Assert.Equal(0, written.ExitCode);
            Assert.Equal(7, File.ReadAllText(baseline).Split("\"rule\":").Length - 1);

            CopyNetfs(tree, "Netfs");
            tree.Write("Netfs/Mm/Reclaim.cs", Inverted);
            var inverted = await SamplesFixture.AnalyseAsync(tree.PathOf("Netfs"));

            var failing = CliRun.Report(inverted, "check", "--baseline", baseline);
            Assert.Equal(1, failing.ExitCode);
            var line = Assert.Single(failing.Out.Split('\n'), text => text.StartsWith("    "));
            Assert.Equal(
                "Mm/Reclaim.cs(16,23): warning LL0001: 'ReclaimList' is acquired while 'ReclaimEntry' is held; ReclaimList is outer to ReclaimEntry",
                line.Trim());
            Assert.EndsWith("1 new finding (1 warning) in 1 project; 7 known (in the baseline), 0 gone\n", failing.Out.ReplaceLineEndings("\n"));

            var states = States(CliRun.Report(inverted, "check", "--baseline", baseline, "--format", "json").Out);
            Assert.Equal(new[] { "LL0001 new Mm/Reclaim.cs" }, states.Where(state => state.Contains(" new ")));
            Assert.Equal(7, states.Count(state => state.Contains(" unchanged ")));

            // The file added is an unrelated edit for the sample's findings: their SARIF fingerprints do not move.
            var before = Fingerprints(CliRun.Report(_samples.Netfs, "check", "--format", "sarif").Out);
            var after = Fingerprints(CliRun.Report(inverted, "check", "--format", "sarif").Out);
            Assert.Equal(7, before.Length);
            Assert.Equal(8, after.Length);
            Assert.Empty(before.Except(after));

            Assert.Equal(0, CliRun.Report(inverted, "check", "--write-baseline", accepted).ExitCode);
            tree.Write("Netfs/Mm/Reclaim.cs", Inverted.Replace("lock (_entry)", "lock (_tmp)").Replace("lock (_list)", "lock (_entry)").Replace("lock (_tmp)", "lock (_list)"));
            var fixedRun = CliRun.Report(await SamplesFixture.AnalyseAsync(tree.PathOf("Netfs")), "check", "--baseline", accepted);
            Assert.Equal(0, fixedRun.ExitCode);
            Assert.Equal("""
                Gone (in the baseline, no longer found): 1
                  LL0001: 'ReclaimList' is acquired while 'ReclaimEntry' is held; ReclaimList is outer to ReclaimEntry

                0 new findings in 1 project; 7 known (in the baseline), 1 gone

                """.ReplaceLineEndings(), fixedRun.Out);
        }

        private static string[] Fingerprints(string sarif)
        {
            using var document = System.Text.Json.JsonDocument.Parse(sarif);
            return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(result => result.GetProperty("partialFingerprints").GetProperty("lockLevelsFindingHash/v1").GetString()!)
                .ToArray();
        }

        /// <summary>"RULE STATE PATH" for each finding of a JSON report.</summary>
        private static string[] States(string json)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.GetProperty("findings").EnumerateArray()
                .Select(finding => $"{finding.GetProperty("rule").GetString()} {finding.GetProperty("baselineState").GetString()} {finding.GetProperty("location").GetProperty("path").GetString()}")
                .ToArray();
        }

        /// <summary>samples/Netfs' sources in <paramref name="folder"/>, with a project that gets the analyzer as the package would.</summary>
        private static void CopyNetfs(TempTree tree, string folder)
        {
            string source = Repo.PathOf("samples/Netfs");
            foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(source, file);
                if (relative.StartsWith("bin") || relative.StartsWith("obj"))
                {
                    continue;
                }

                tree.Write(Path.Combine(folder, relative), File.ReadAllText(file));
            }

            tree.WriteProjectWithAnalyzer(folder, "Netfs");
        }
    }
}
