using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LockLevels;

namespace Netfs
{
    /// <summary>struct address_space: a file's page cache, with mapping-&gt;invalidate_lock and its a_ops.</summary>
    internal sealed class AddressSpace
    {
        private readonly ConcurrentDictionary<long, Folio> _folios = new ConcurrentDictionary<long, Folio>();

        public AddressSpace(Kernel kernel, string name)
        {
            Kernel = kernel;
            Name = name;
        }

        public Kernel Kernel { get; }

        public string Name { get; }

        /// <summary>
        /// mapping-&gt;invalidate_lock: taken shared to bring folios into the page cache (filemap_fault()),
        /// exclusive to invalidate it (filemap_invalidate_inode(), truncate, hole punching).
        /// </summary>
        [Lock("InvalidateLock")]
        public readonly ReaderWriterLockSlim InvalidateLock = new ReaderWriterLockSlim(LockRecursionPolicy.NoRecursion);

        /// <summary>mapping-&gt;a_ops, set by the filesystem that owns the file.</summary>
        public IAddressSpaceOperations Ops { get; set; } = null!;

        /// <summary>filemap_get_folio().</summary>
        public Folio? GetFolio(long index) => _folios.TryGetValue(index, out var folio) ? folio : null;

        /// <summary>__filemap_get_folio(FGP_CREAT).</summary>
        public Folio GetOrCreateFolio(long index) => _folios.GetOrAdd(index, i => new Folio(i));

        public List<Folio> DirtyFolios() => _folios.Values.Where(folio => folio.Dirty).OrderBy(folio => folio.Index).ToList();

        /// <summary>invalidate_inode_pages2(): drops the clean folios.</summary>
        public void InvalidatePages()
        {
            foreach (var folio in _folios.Values)
            {
                if (!folio.Dirty)
                {
                    _folios.TryRemove(folio.Index, out _);
                }
            }
        }
    }

    /// <summary>
    /// struct address_space_operations: the filesystem's callbacks for its page cache. Both are deep
    /// contexts: the page cache calls them with its own locks held, so they must not take an outer level.
    /// </summary>
    internal interface IAddressSpaceOperations
    {
        /// <summary>
        /// -&gt;writepages(): writes folios back. filemap_invalidate_inode() (and truncate) call it with
        /// invalidate_lock held, and the folios are locked and under writeback while their data is written.
        /// </summary>
        [CalledWithLocksHeld("InvalidateLock", "FolioLock")]
        void WritePages(AddressSpace mapping, Folio folio);

        /// <summary>
        /// -&gt;read_folio(): reads a locked folio in, with invalidate_lock held shared
        /// (Documentation/filesystems/locking.rst); from a page fault (filemap_fault()) also with mmap_lock.
        /// </summary>
        [CalledWithLocksHeld("MmapLock", "InvalidateLock", "FolioLock")]
        void ReadFolio(AddressSpace mapping, Folio folio);
    }
}
