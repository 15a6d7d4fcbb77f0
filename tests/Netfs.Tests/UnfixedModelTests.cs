extern alias Unfixed;

using System;
using Unfixed::Netfs;
using Xunit;

namespace NetfsTests
{
    /// <summary>samples/Netfs at run time: both scenarios of the thread deadlock, exactly where the thread says.</summary>
    public class UnfixedModelTests
    {
        /// <summary>How long the released tasks are given to finish before they count as deadlocked.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

        [Fact]
        public void PageFaultFreezeWrite_Deadlocks()
        {
            var result = Scenarios.PageFaultFreezeWrite(Bound);

            Assert.True(result.Deadlocked, result.ToString());
            AssertBlockedAt(result, Scenarios.PageFault, "sb_writers(ext4): reader waits"); // sb_start_write(B) in cachefiles, behind freeze_super
            AssertBlockedAt(result, Scenarios.Freeze, "sb_writers(ext4): writer waits"); // sb_wait_write(), for write(2)
            AssertBlockedAt(result, Scenarios.Write, "mmap_lock: reader waits"); // the fault in fault_in_iov_iter_readable(), behind munmap
            AssertBlockedAt(result, Scenarios.Munmap, "mmap_lock: writer waits"); // mmap_write_lock(), behind the page fault
            Assert.True(result.AllThreadsEnded, "threads left behind after the kill\n" + result);
        }

        [Fact]
        public void InvalidateFreezeFaultWrite_Deadlocks()
        {
            var result = Scenarios.InvalidateFreezeFaultWrite(Bound);

            Assert.True(result.Deadlocked, result.ToString());
            AssertBlockedAt(result, Scenarios.Invalidate, "sb_writers(ext4): reader waits"); // sb_start_write(B) in cachefiles_issue_write(), behind freeze_super
            AssertBlockedAt(result, Scenarios.Freeze, "sb_writers(ext4): writer waits");
            AssertBlockedAt(result, Scenarios.PageFault, "filemap_invalidate_lock_shared"); // behind filemap_invalidate()
            AssertBlockedAt(result, Scenarios.Write, "mmap_lock: reader waits");
            AssertBlockedAt(result, Scenarios.Munmap, "mmap_lock: writer waits");
            Assert.True(result.AllThreadsEnded, "threads left behind after the kill\n" + result);
        }

        /// <summary>
        /// Why the fix needs a freeze change too: before it, a long-term claim is plain mnt_want_write(), a
        /// shared sb_writers that is never dropped while the cache is bound, and freeze_super() waits for it.
        /// </summary>
        [Fact]
        public void FreezeWithAPlainLongTermClaim_Hangs()
        {
            using var machine = Machine.Boot();
            using var play = new Choreography(machine.Kernel);
            using var claim = machine.BackingSb.ClaimWriteLongTerm();
            play.Start(Scenarios.Freeze, () => Scenarios.FreezeAndThaw(machine.BackingSb));

            var result = play.Finish("freeze with a long-term claim", Bound, Scenarios.JoinTimeout);

            Assert.True(result.Deadlocked, result.ToString());
            AssertBlockedAt(result, Scenarios.Freeze, "sb_writers(ext4): writer waits");
            Assert.True(result.AllThreadsEnded, result.ToString());
        }

        private static void AssertBlockedAt(ScenarioResult result, string task, string position)
        {
            Assert.True(result[task].State == TaskState.Blocked && result[task].Position == position, $"expected {task} blocked at {position}\n{result}");
        }
    }
}
