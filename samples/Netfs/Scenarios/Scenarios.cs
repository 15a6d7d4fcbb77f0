using System;

namespace Netfs
{
    /// <summary>
    /// Jan Kara's two deadlock scenarios from the thread, run on real threads in the exact interleaving of
    /// his tables. Each task is held at a tracepoint until the others are in place, then all are released
    /// and given a bounded time to finish.
    /// <para>
    /// mmap_lock is a reader/writer semaphore and a page fault takes it shared, so "page fault, grab
    /// mm-&gt;mmap_lock =&gt; deadlock" in the tables needs a writer queued on it: another thread of the
    /// process in munmap() (or mmap(), mprotect()). New readers wait behind a queued writer, just as
    /// sb_start_write() waits behind freeze_super(). Each scenario has that thread too.
    /// </para>
    /// </summary>
    internal static class Scenarios
    {
        public const string Write = "write(2) on B";
        public const string PageFault = "page fault on A";
        public const string Munmap = "munmap() in the same process";
        public const string Freeze = "freeze_super(B)";
        public const string Invalidate = "filemap_invalidate() on A";

        public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(2);

        public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(5);

        /// <summary>
        /// First table: a page fault on A reads a folio through netfs and cachefiles, which takes
        /// sb_start_write() on B (mmap_lock → sb_writers); write(2) on B holds sb_writers and faults
        /// (sb_writers → mmap_lock); freeze_super() on B sits between them.
        /// <code>
        /// page fault on A                freeze_super(B)            write(2) on B             munmap()
        ///                                                           sb_start_write(B)
        /// mmap_read_lock()
        /// filemap_fault()
        ///   filemap_read_folio() on A
        ///     cachefiles_prepare_read()
        ///                                                                                     mmap_write_lock()
        ///                                                                                     =&gt; waits for the fault
        ///                                frozen = SB_FREEZE_WRITE
        ///                                sb_wait_write()
        ///                                =&gt; waits for write(2)
        ///     sb_start_write(B)
        ///     =&gt; waits behind freeze_super()
        ///                                                           generic_perform_write()
        ///                                                           fault_in_iov_iter_readable()
        ///                                                           mmap_read_lock()
        ///                                                           =&gt; waits behind munmap() =&gt; deadlock
        /// </code>
        /// </summary>
        public static ScenarioResult PageFaultFreezeWrite(TimeSpan? bound = null)
        {
            using var machine = Machine.Boot();
            using var play = new Choreography(machine.Kernel);

            var writeFaultsIn = play.PauseAt(Write, Tracepoint.FaultInIovIterReadable);
            var write = play.Start(Write, () =>
            {
                ReadWrite.VfsWrite(machine.LogFile, new UserBuffer(machine.AfsMmap, 1), 0);
                return "wrote a page of the AFS file to the log";
            });
            play.WaitFor(write, writeFaultsIn);

            var faultInCache = play.PauseAt(PageFault, Tracepoint.CachefilesPrepareRead);
            var fault = play.Start(PageFault, () => $"read \"{System.Text.Encoding.ASCII.GetString(machine.AfsMmap.Load(0))}\"");
            play.WaitFor(fault, faultInCache);

            QueueMunmap(play, machine);
            StartFreeze(play, machine);

            faultInCache.Release();
            writeFaultsIn.Release();
            return play.Finish("page fault + freeze + write (mmap_lock -> sb_writers)", bound ?? DefaultBound, JoinTimeout);
        }

        /// <summary>
        /// Second table: filemap_invalidate() on A holds invalidate_lock and writes back through netfs into
        /// cachefiles, which takes sb_start_write() on B (invalidate_lock → sb_writers); a page fault on A
        /// holds mmap_lock and waits for invalidate_lock (mmap_lock → invalidate_lock); write(2) on B holds
        /// sb_writers and faults (sb_writers → mmap_lock); freeze_super() on B sits between.
        /// <code>
        /// filemap_invalidate() on A   freeze_super(B)         page fault on A          write(2) on B          munmap()
        ///                                                                              sb_start_write(B)
        /// filemap_invalidate_lock()
        /// filemap_fdatawrite_wbc()
        ///   afs_writepages()
        ///     cachefiles_issue_write()
        ///                                                     mmap_read_lock()
        ///                                                     filemap_fault()
        ///                                                     filemap_invalidate_lock_shared()
        ///                                                     =&gt; waits for filemap_invalidate()
        ///                                                                                                     mmap_write_lock()
        ///                                                                                                     =&gt; waits for the fault
        ///                             frozen = SB_FREEZE_WRITE
        ///                             sb_wait_write()
        ///                             =&gt; waits for write(2)
        ///     sb_start_write(B)
        ///     =&gt; waits behind freeze_super()
        ///                                                                              fault_in_iov_iter_readable()
        ///                                                                              mmap_read_lock()
        ///                                                                              =&gt; waits behind munmap() =&gt; deadlock
        /// </code>
        /// </summary>
        public static ScenarioResult InvalidateFreezeFaultWrite(TimeSpan? bound = null)
        {
            using var machine = Machine.Boot();
            using var play = new Choreography(machine.Kernel);
            machine.DirtyAfsPage(0);

            var writeFaultsIn = play.PauseAt(Write, Tracepoint.FaultInIovIterReadable);
            var write = play.Start(Write, () =>
            {
                ReadWrite.VfsWrite(machine.LogFile, new UserBuffer(machine.AfsMmap, 2), 0);
                return "wrote a page of the AFS file to the log";
            });
            play.WaitFor(write, writeFaultsIn);

            var writebackInCache = play.PauseAt(Invalidate, Tracepoint.CachefilesIssueWrite);
            var invalidate = play.Start(Invalidate, () =>
            {
                Filemap.FilemapInvalidate(machine.AfsFile.Mapping);
                return "wrote the dirty page back and invalidated the page cache";
            });
            play.WaitFor(invalidate, writebackInCache);

            var faultWaitsForInvalidate = play.NoteAt(PageFault, Tracepoint.FilemapInvalidateLockShared);
            var fault = play.Start(PageFault, () => $"read \"{System.Text.Encoding.ASCII.GetString(machine.AfsMmap.Load(1))}\"");
            play.WaitFor(fault, faultWaitsForInvalidate);

            QueueMunmap(play, machine);
            StartFreeze(play, machine);

            writebackInCache.Release();
            writeFaultsIn.Release();
            return play.Finish("invalidate + freeze + page fault + write (invalidate_lock -> sb_writers)", bound ?? DefaultBound, JoinTimeout);
        }

        /// <summary>Another thread of the process munmaps a region: a writer queued on mmap_lock behind the page fault.</summary>
        private static void QueueMunmap(Choreography play, Machine machine)
        {
            var queued = play.NoteAt(Munmap, Tracepoint.WriterWaits(machine.Mm.MmapLockName));
            var munmap = play.Start(Munmap, () =>
            {
                machine.Mm.Munmap(machine.OtherMmap);
                return "unmapped";
            });
            play.WaitFor(munmap, queued);
        }

        /// <summary>freeze_super(B) (and thaw_super() if it froze): waits as the writer of sb_writers, or fails at once.</summary>
        private static void StartFreeze(Choreography play, Machine machine)
        {
            var sb = machine.BackingSb;
            var waits = play.NoteAt(Freeze, Tracepoint.WriterWaits(sb.WritersName));
            var freeze = play.Start(Freeze, () => FreezeAndThaw(sb));
            play.WaitFor(freeze, waits);
        }

        /// <summary>FIFREEZE then FITHAW, as fsfreeze(8) does.</summary>
        public static string FreezeAndThaw(SuperBlock sb)
        {
            try
            {
                sb.Freeze();
            }
            catch (FreezeBusyException busy)
            {
                return busy.Message;
            }

            sb.Thaw();
            return "froze and thawed";
        }
    }
}
