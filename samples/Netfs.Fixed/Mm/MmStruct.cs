using System.Collections.Generic;
using LockLevels;

namespace Netfs
{
    /// <summary>struct mm_struct: a process's address space, shared by all its threads, and its mmap_lock.</summary>
    internal sealed class MmStruct
    {
        private readonly RwSemaphore _mmapLock;
        private readonly List<Vma> _vmas = new List<Vma>();

        public MmStruct(Kernel kernel)
        {
            Kernel = kernel;
            _mmapLock = new RwSemaphore(kernel, "mmap_lock");
        }

        public Kernel Kernel { get; }

        /// <summary>The name of mmap_lock in tracepoints.</summary>
        public string MmapLockName => _mmapLock.Name;

        /// <summary>mmap_read_lock(): what a page fault takes.</summary>
        [Acquires("MmapLock", Shared = true)]
        public void MmapReadLock() => _mmapLock.DownRead();

        /// <summary>mmap_read_unlock().</summary>
        [Releases("MmapLock")]
        public void MmapReadUnlock() => _mmapLock.UpRead();

        /// <summary>mmap_write_lock(): what mmap(), munmap() and mprotect() take.</summary>
        [Acquires("MmapLock")]
        public void MmapWriteLock() => _mmapLock.DownWrite();

        /// <summary>mmap_write_unlock().</summary>
        [Releases("MmapLock")]
        public void MmapWriteUnlock() => _mmapLock.UpWrite();

        /// <summary>mmap(2) of a file: a new mapping of its page cache.</summary>
        public Vma Mmap(AddressSpace mapping)
        {
            var vma = new Vma(this, mapping);
            MmapWriteLock();
            try
            {
                _vmas.Add(vma);
            }
            finally
            {
                MmapWriteUnlock();
            }

            return vma;
        }

        /// <summary>munmap(2): another thread of the process changing its address space.</summary>
        public void Munmap(Vma vma)
        {
            MmapWriteLock();
            try
            {
                _vmas.Remove(vma);
                vma.ZapPageRange();
            }
            finally
            {
                MmapWriteUnlock();
            }
        }
    }
}
