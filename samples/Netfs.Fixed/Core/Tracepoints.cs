using System;

namespace Netfs
{
    /// <summary>
    /// Kernel-style tracepoints: the model calls <see cref="Hit"/> where the scenarios decide how tasks
    /// interleave, and a probe (the scenarios' <see cref="Choreography"/>) can note or pause the task
    /// that hits one. Without a probe a tracepoint costs a null check.
    /// </summary>
    internal sealed class Tracepoints
    {
        private volatile Action<string>? _probe;

        public void Attach(Action<string> probe) => _probe = probe;

        public void Detach() => _probe = null;

        public void Hit(string point) => _probe?.Invoke(point);
    }

    /// <summary>The tracepoints the model hits, named after the kernel functions they stand for.</summary>
    internal static class Tracepoint
    {
        /// <summary>generic_perform_write(), before it faults the user buffer in (sb_writers is held).</summary>
        public const string FaultInIovIterReadable = "fault_in_iov_iter_readable";

        /// <summary>filemap_fault() about to take invalidate_lock shared (mmap_lock is held).</summary>
        public const string FilemapInvalidateLockShared = "filemap_invalidate_lock_shared";

        /// <summary>cachefiles_prepare_read() entered from netfs_read_folio() (the folio is locked).</summary>
        public const string CachefilesPrepareRead = "cachefiles_prepare_read";

        /// <summary>cachefiles_issue_write() entered from netfs_writepages() (the folio is under writeback).</summary>
        public const string CachefilesIssueWrite = "cachefiles_issue_write";

        /// <summary>A reader that has to wait on a reader/writer semaphore: "{semaphore}: reader waits".</summary>
        public static string ReaderWaits(string semaphore) => semaphore + ": reader waits";

        /// <summary>
        /// A writer queued on a reader/writer semaphore that has to wait for it to drain; from here on new
        /// readers wait too. For sb_writers this is sb_wait_write() in freeze_super().
        /// </summary>
        public static string WriterWaits(string semaphore) => semaphore + ": writer waits";
    }
}
