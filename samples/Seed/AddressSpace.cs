using System.Collections.Generic;
using System.Threading;
using LockLevels;

namespace Seed
{
    /// <summary>struct folio, reduced to its lock (folio_lock() / PG_locked) and dirty bit.</summary>
    public sealed class Folio
    {
        public Folio(long index) => Index = index;

        public long Index { get; }

        [Lock("FolioLock")]
        public readonly Lock Lock = new Lock();

        public bool Dirty { get; set; } = true;
    }

    /// <summary>struct address_space: an inode's page cache, with mapping->invalidate_lock and its a_ops.</summary>
    public sealed class AddressSpace
    {
        public AddressSpace(IAddressSpaceOperations operations) => Operations = operations;

        [Lock("InvalidateLock")]
        public readonly ReaderWriterLockSlim InvalidateLock = new ReaderWriterLockSlim();

        public IAddressSpaceOperations Operations { get; }

        public List<Folio> Folios { get; } = new List<Folio>();
    }

    /// <summary>struct writeback_control.</summary>
    public sealed class WritebackControl
    {
        public long RangeStart { get; set; }

        public long RangeEnd { get; set; } = long.MaxValue;
    }

    /// <summary>
    /// struct address_space_operations: the filesystem's callbacks. They are deep contexts: the
    /// page cache calls them with its own locks held, so they must not take any outer level.
    /// </summary>
    public interface IAddressSpaceOperations
    {
        /// <summary>->writepages(), called from filemap_invalidate() and write-back with the invalidate lock and folios locked.</summary>
        [CalledWithLocksHeld("InvalidateLock", "FolioLock")]
        void WritePages(AddressSpace mapping, WritebackControl wbc);

        /// <summary>->read_folio(), called from filemap_fault() under mmap_lock with the folio locked.</summary>
        [CalledWithLocksHeld("MmapLock", "FolioLock")]
        void ReadFolio(AddressSpace mapping, Folio folio);
    }
}
