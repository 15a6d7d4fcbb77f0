using System.Collections.Immutable;
using System.IO;
using LockLevels.Cli.Graph;
using LockLevels.Cli.Reports;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Reports
{
    public sealed class LockdepReportTests
    {
        [Fact]
        public void ThreeLockCycle_ReadsLikeALockdepSplat()
        {
            var text = new StringWriter();
            LockdepReport.WriteCycle(text, Graphs.SeedCycle);

            Assert.Equal("""

                ======================================================
                WARNING: possible circular locking dependency detected
                LL0004 at Afs/AfsVnode.cs(38,70)
                ------------------------------------------------------
                AfsVnode.WritePages is trying to acquire lock:
                (SbWriters){...}, at: CachefilesCache.IssueWrite+Cachefiles/CachefilesCache.cs:95

                but task is already holding lock:
                (InvalidateLock){...}, at: AfsVnode.WritePages+Afs/AfsVnode.cs:38

                which lock already depends on the new lock.


                the existing dependency chain (in reverse order) is:

                -> #2 (InvalidateLock){...}:
                       Filemap.FilemapFault+Mm/Filemap.cs:23

                -> #1 (MmapLock){...}:
                       ReadWrite.GenericPerformWrite+Vfs/ReadWrite.cs:40
                       ReadWrite.VfsWrite+Vfs/ReadWrite.cs:16

                -> #0 (SbWriters){...}:
                       CachefilesCache.IssueWrite+Cachefiles/CachefilesCache.cs:95
                       Netfslib.WritePages+Netfslib/Netfslib.cs:51
                       AfsVnode.WritePages+Afs/AfsVnode.cs:38

                other info that might help us debug this:

                Chain exists of:
                  SbWriters --> MmapLock --> InvalidateLock

                 Possible unsafe locking scenario:

                       CPU0                    CPU1
                       ----                    ----
                  lock(InvalidateLock);
                                               lock(MmapLock);
                                               lock(InvalidateLock);
                  lock(SbWriters);

                 *** DEADLOCK ***


                """.ReplaceLineEndings(), text.ToString());
        }

        [Fact]
        public void TwoLockCycle_HasNoChainLine_AndTheScenarioSwapsTheTwo()
        {
            var cycle = new GraphCycle("LL0100", "AB-BA", null, ImmutableArray.Create(
                new GraphEdge("A", "B", ImmutableArray.Create(Graphs.Hop("P.First", "lock (_b)", "P.cs", 10))),
                new GraphEdge("B", "A", ImmutableArray.Create(Graphs.Hop("P.Second", "lock (_a)", "P.cs", 20)))));
            var text = new StringWriter();
            LockdepReport.WriteCycle(text, cycle);

            Assert.DoesNotContain("Chain exists of:", text.ToString());
            Assert.Contains("""
                -> #1 (A){...}:
                       P.Second+P.cs:20

                -> #0 (B){...}:
                       P.First+P.cs:10
                """.ReplaceLineEndings(), text.ToString());
            Assert.Contains("""
                  lock(A);
                                               lock(B);
                                               lock(A);
                  lock(B);
                """.ReplaceLineEndings(), text.ToString());
        }
    }
}
