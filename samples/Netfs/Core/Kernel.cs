using System;
using System.Threading;

namespace Netfs
{
    /// <summary>
    /// One machine: its tracepoints, the page-fault trap and a kill switch for the tasks it runs.
    /// </summary>
    internal sealed class Kernel : IDisposable
    {
        private readonly CancellationTokenSource _kill = new CancellationTokenSource();

        public Kernel()
        {
            TrapPageFault = PageFault.HandleMmFault;
        }

        /// <summary>Where the model reports the points at which the scenarios' interleavings are decided.</summary>
        public Tracepoints Trace { get; } = new Tracepoints();

        /// <summary>
        /// What the CPU does when user space touches a page that is not mapped: it traps into
        /// handle_mm_fault(). A page fault is not a call in the code that touches the memory, so it is
        /// a delegate here. LockLevels follows a delegate kept in a field to what it is assigned, so it
        /// sees the fault's locks (mmap_lock, then filemap_fault()'s) as lockdep sees them; the might_fault()
        /// annotation (<c>[MightAcquire("MmapLock")]</c> on <see cref="Iov.FaultInReadable"/>) says so too.
        /// </summary>
        public readonly Action<Vma, long> TrapPageFault;

        /// <summary>
        /// Cancelled by <see cref="KillAll"/>. Every blocking wait of the model watches it (the kernel's
        /// are uninterruptible, which is why the real deadlock needs a reboot), so a test can end a
        /// deadlock it provoked and let its threads unwind.
        /// </summary>
        public CancellationToken Killed => _kill.Token;

        public void KillAll() => _kill.Cancel();

        public void Dispose() => _kill.Dispose();
    }
}
