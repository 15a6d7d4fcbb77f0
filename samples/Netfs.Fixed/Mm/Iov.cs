using LockLevels;

namespace Netfs
{
    /// <summary>lib/iov_iter.c.</summary>
    internal static class Iov
    {
        /// <summary>
        /// fault_in_iov_iter_readable(): touches each user page of the buffer so that a later copy does not
        /// fault. Touching user memory may page-fault, and a page fault takes mmap_lock: the kernel says so
        /// with might_fault(), which tells lockdep mmap_lock may be taken here; <c>[MightAcquire]</c> tells
        /// LockLevels. (The fault itself is a trap, not a call: see <see cref="Kernel.TrapPageFault"/>.)
        /// </summary>
        [MightAcquire("MmapLock", Shared = true)]
        public static void FaultInReadable(UserBuffer buffer)
        {
            buffer.Vma.Mm.Kernel.Trace.Hit(Tracepoint.FaultInIovIterReadable);
            _ = buffer.Vma.Load(buffer.Page);
        }
    }
}
