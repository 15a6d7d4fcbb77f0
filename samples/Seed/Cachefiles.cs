using System;
using System.Collections.Generic;

namespace Seed
{
    /// <summary>
    /// struct cachefiles_cache: a local cache for a network filesystem, kept in files on another
    /// ("backing") filesystem, for example ext4 under /var/cache/fscache.
    /// </summary>
    public sealed class CachefilesCache
    {
        private readonly Dictionary<long, byte[]> _backingFile = new Dictionary<long, byte[]>();

        public CachefilesCache(SuperBlock backingSb) => BackingSb = backingSb;

        /// <summary>The super_block of the backing filesystem (cache->mnt->mnt_sb).</summary>
        public SuperBlock BackingSb { get; }

        /// <summary>vfs_iocb_iter_write() on the backing file; the caller must hold sb_writers of the backing filesystem.</summary>
        public void WriteToBackingFile(long index, byte[] data) => _backingFile[index] = data;

        /// <summary>vfs_iocb_iter_read() on the backing file.</summary>
        public byte[]? ReadFromBackingFile(long index) => _backingFile.TryGetValue(index, out var data) ? data : null;
    }

    /// <summary>
    /// An AFS inode whose data is cached by cachefiles (afs_file_aops, via netfslib).
    /// </summary>
    public sealed class AfsCachedFile : IAddressSpaceOperations
    {
        private readonly CachefilesCache _cache;

        public AfsCachedFile(CachefilesCache cache) => _cache = cache;

        /// <summary>
        /// afs_writepages() -> netfs_writepages() -> cachefiles_issue_write(), the call chain
        /// written out in one method. cachefiles_issue_write() takes sb_start_write() on the
        /// backing filesystem: from deep inside the page cache's locking (invalidate_lock held,
        /// folios locked) it jumps to the outermost level. With a freeze_super() of the backing
        /// filesystem and a write(2) that faults, that deadlocks (Jan Kara's trace in the thread).
        /// LockLevels reports it as LL0002.
        /// </summary>
        public void WritePages(AddressSpace mapping, WritebackControl wbc)
        {
            var backingSb = _cache.BackingSb;
            backingSb.StartWrite();
            try
            {
                foreach (var folio in mapping.Folios)
                {
                    if (folio.Dirty && folio.Index >= wbc.RangeStart && folio.Index <= wbc.RangeEnd)
                    {
                        _cache.WriteToBackingFile(folio.Index, BitConverter.GetBytes(folio.Index));
                        folio.Dirty = false;
                    }
                }
            }
            finally
            {
                backingSb.EndWrite();
            }
        }

        /// <summary>
        /// afs_read_folio() -> netfs_read_folio() -> cachefiles_read(): reading the backing file
        /// takes no outer level, so nothing is reported here.
        /// </summary>
        public void ReadFolio(AddressSpace mapping, Folio folio)
        {
            _ = _cache.ReadFromBackingFile(folio.Index);
        }
    }
}
