extern alias Fixed;

using System;
using System.Linq;
using Fixed::Netfs;
using Xunit;

namespace NetfsTests
{
    /// <summary>samples/Netfs.Fixed at run time: the same scenarios complete, and freeze fails instead of hanging.</summary>
    public class FixedModelTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

        [Fact]
        public void PageFaultFreezeWrite_Completes()
        {
            var result = Scenarios.PageFaultFreezeWrite(Bound);

            AssertAllCompleted(result);
            Assert.StartsWith("freeze_super(ext4): -EBUSY: 1 long-term write claim(s) held", result[Scenarios.Freeze].Result);
        }

        [Fact]
        public void InvalidateFreezeFaultWrite_Completes()
        {
            var result = Scenarios.InvalidateFreezeFaultWrite(Bound);

            AssertAllCompleted(result);
            Assert.StartsWith("freeze_super(ext4): -EBUSY: 1 long-term write claim(s) held", result[Scenarios.Freeze].Result);
        }

        [Fact]
        public void Freeze_FailsWithEbusyWhileTheCacheIsBound_AndSucceedsAfterUnbind()
        {
            using var machine = Machine.Boot();
            var sb = machine.BackingSb;
            Assert.Equal(1, sb.LongTermClaims);

            var busy = Assert.Throws<FreezeBusyException>(() => sb.Freeze());
            Assert.Equal("freeze_super(ext4): -EBUSY: 1 long-term write claim(s) held (SB_FREEZE_WRITE_LONGTERM)", busy.Message);
            Assert.Equal(FreezeState.Unfrozen, sb.Frozen);

            machine.Cache.Unbind();
            Assert.Equal(0, sb.LongTermClaims);
            sb.Freeze();
            Assert.Equal(FreezeState.Complete, sb.Frozen);
            sb.Thaw();
            Assert.Equal(FreezeState.Unfrozen, sb.Frozen);
        }

        [Fact]
        public void WriteBackAndRead_GoThroughTheCacheUnderTheClaim()
        {
            using var machine = Machine.Boot();
            machine.DirtyAfsPage(0);

            Filemap.FilemapInvalidate(machine.AfsFile.Mapping);
            var data = machine.AfsMmap.Load(0);

            Assert.Equal("dirty page 0", System.Text.Encoding.ASCII.GetString(data));
            var cached = machine.Cache.LookupCookie("example.com:1.2.3");
            Assert.Equal("netfs", cached.File.GetXattr("trusted.CacheFiles.cache"));
            Assert.Equal(data, cached.File.ReadPage(0));
        }

        private static void AssertAllCompleted(ScenarioResult result)
        {
            Assert.False(result.Deadlocked, result.ToString());
            Assert.True(result.Tasks.All(task => task.State == TaskState.Completed), result.ToString());
            Assert.True(result.AllThreadsEnded, result.ToString());
        }
    }
}
