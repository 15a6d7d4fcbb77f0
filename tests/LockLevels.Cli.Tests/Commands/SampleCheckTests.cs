using System;
using System.IO;
using System.Linq;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Commands
{
    /// <summary>`locklevels check` over the samples, loaded once by <see cref="SamplesFixture"/>.</summary>
    [Collection(SamplesCollection.Name)]
    public sealed class SampleCheckTests
    {
        private readonly SamplesFixture _samples;

        public SampleCheckTests(SamplesFixture samples)
        {
            _samples = samples;
        }

        [Fact]
        public void Netfs_ReportsExactlyItsExpectedDiagnostics_AndExitsWith1()
        {
            var expected = File.ReadAllLines(Repo.PathOf("samples/Netfs/expected-diagnostics.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .ToArray();

            var run = CliRun.Report(_samples.Netfs, "check");

            var reported = run.Out.Split('\n').Where(line => line.StartsWith("    ", StringComparison.Ordinal)).Select(line => line.Trim())
                .OrderBy(line => line, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, reported);
            Assert.Equal(7, reported.Length);
            Assert.EndsWith("7 findings (7 warnings) in 1 project\n", run.Out.ReplaceLineEndings("\n"));
            Assert.Equal(1, run.ExitCode);
        }

        [Fact]
        public void Netfs_TextReport_GroupsByRuleThenFile()
        {
            var run = CliRun.Report(_samples.Netfs, "check");

            var headings = run.Out.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("    ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[]
            {
                "LL0002: Outer lock level acquired in a deep context (2 findings)",
                "  Cachefiles/CachefilesCache.cs",
                "LL0003: Call acquires an outer lock level (2 findings)",
                "  Afs/AfsVnode.cs",
                "LL0004: Possible circular locking dependency (3 findings)",
                "  Afs/AfsVnode.cs",
                "  Cachefiles/CachefilesCache.cs",
                "7 findings (7 warnings) in 1 project",
            }, headings);
        }

        [Fact]
        public void NetfsFixed_ReportsNothing_AndExitsWith0()
        {
            var run = CliRun.Report(_samples.NetfsFixed, "check");

            Assert.Equal("0 findings in 1 project\n", run.Out.ReplaceLineEndings("\n"));
            Assert.Equal(0, run.ExitCode);
        }

        [Fact]
        public void FailOnError_DoesNotFailOnWarnings()
        {
            Assert.Equal(0, CliRun.Report(_samples.Netfs, "check", "--fail-on", "error").ExitCode);
        }

        [Fact]
        public void Netfs_Lockdep_PrintsTheTwoLockCycleOfReadFolio()
        {
            var run = CliRun.Report(_samples.Netfs, "check", "--format", "lockdep");

            Assert.Contains(NetfsReadFolioSplat.ReplaceLineEndings(), run.Out);
            Assert.Equal(3, run.Out.Split("WARNING: possible circular locking dependency detected").Length - 1);
            Assert.Contains("Other findings:", run.Out);
            Assert.Equal(1, run.ExitCode);
        }

        /// <summary>
        /// The LL0004 of AfsVnode.ReadFolio (MmapLock → SbWriters → MmapLock). Each edge's stack is its
        /// witness chain, innermost frame first.
        /// </summary>
        public const string NetfsReadFolioSplat = """

            ======================================================
            WARNING: possible circular locking dependency detected
            LL0004 at Afs/AfsVnode.cs(41,69)
            ------------------------------------------------------
            AfsVnode.ReadFolio is trying to acquire lock:
            (SbWriters){...}, at: CachefilesCache.PrepareRead+Cachefiles/CachefilesCache.cs:65

            but task is already holding lock:
            (MmapLock){...}, at: AfsVnode.ReadFolio+Afs/AfsVnode.cs:41

            which lock already depends on the new lock.


            the existing dependency chain (in reverse order) is:

            -> #1 (MmapLock){...}:
                   ReadWrite.GenericPerformWrite+Vfs/ReadWrite.cs:32
                   ReadWrite.VfsWrite+Vfs/ReadWrite.cs:16

            -> #0 (SbWriters){...}:
                   CachefilesCache.PrepareRead+Cachefiles/CachefilesCache.cs:65
                   Netfslib.ReadFolio+Netfslib/Netfslib.cs:55
                   AfsVnode.ReadFolio+Afs/AfsVnode.cs:41

            other info that might help us debug this:

             Possible unsafe locking scenario:

                   CPU0                    CPU1
                   ----                    ----
              lock(MmapLock);
                                           lock(SbWriters);
                                           lock(MmapLock);
              lock(SbWriters);

             *** DEADLOCK ***

            """;
    }
}
