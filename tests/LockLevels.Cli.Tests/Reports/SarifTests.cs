using System.IO;
using System.Linq;
using System.Text.Json;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Reports
{
    [Collection(SamplesCollection.Name)]
    public sealed class SarifTests
    {
        private readonly SamplesFixture _samples;

        public SarifTests(SamplesFixture samples)
        {
            _samples = samples;
        }

        [Fact]
        public void NetfsSarif_PassesTheSarifMultitoolsSarifAndGitHubRules()
        {
            string path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".sarif");
            try
            {
                Assert.Equal(1, CliRun.Report(_samples.Netfs, "check", "--format", "sarif", "-o", path).ExitCode);

                Assert.Empty(SarifValidator.Errors(path));
            }
            finally
            {
                File.Delete(path);
                File.Delete(path + ".validation.sarif");
            }
        }

        [Fact]
        public void NetfsSarif_EachCycleHasAThreadFlowPerEdge_RelatedLocations_AndDistinctFingerprints()
        {
            var run = CliRun.Report(_samples.Netfs, "check", "--format", "sarif");
            using var document = JsonDocument.Parse(run.Out);
            var sarif = document.RootElement;
            Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
            var runElement = sarif.GetProperty("runs")[0];
            var rule = runElement.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "LL0004");
            Assert.EndsWith("docs/rules/LL0004.md", rule.GetProperty("helpUri").GetString());

            var results = runElement.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(7, results.Length);
            var cycles = results.Where(result => result.GetProperty("ruleId").GetString() == "LL0004").ToArray();
            Assert.Equal(new[] { 2, 2, 2 }, cycles.Select(result => result.GetProperty("codeFlows")[0].GetProperty("threadFlows").GetArrayLength()));
            // Every additional location of the diagnostic (at least each edge's site) is a related location.
            Assert.All(cycles, result => Assert.True(
                result.GetProperty("relatedLocations").GetArrayLength() >= result.GetProperty("codeFlows")[0].GetProperty("threadFlows").GetArrayLength()));

            var readFolio = cycles[1];
            Assert.Equal("MmapLock → SbWriters → MmapLock", readFolio.GetProperty("codeFlows")[0].GetProperty("message").GetProperty("text").GetString());
            var firstFlow = readFolio.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0];
            Assert.Equal("SbWriters acquired while MmapLock is held", firstFlow.GetProperty("message").GetProperty("text").GetString());
            var firstStep = firstFlow.GetProperty("locations")[0].GetProperty("location").GetProperty("physicalLocation");
            Assert.Equal("Afs/AfsVnode.cs", firstStep.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(41, firstStep.GetProperty("region").GetProperty("startLine").GetInt32());

            var prints = results.Select(result => result.GetProperty("partialFingerprints").GetProperty("lockLevelsFindingHash/v1").GetString()).ToArray();
            Assert.Equal(prints.Length, prints.Distinct().Count());
        }
    }
}
