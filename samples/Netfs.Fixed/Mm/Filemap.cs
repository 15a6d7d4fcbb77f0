using LockLevels;

namespace Netfs
{
    /// <summary>mm/filemap.c: the page cache, which calls into the filesystem with its locks held.</summary>
    internal static class Filemap
    {
        /// <summary>
        /// filemap_fault(), the -&gt;fault of a file mapping, called by the page-fault handler with
        /// mmap_lock held. A folio that is not in the page cache, or not uptodate, is read in under
        /// invalidate_lock (shared), locked, through -&gt;read_folio() (filemap_read_folio()).
        /// </summary>
        [CalledWithLocksHeld("MmapLock")]
        public static Folio FilemapFault(AddressSpace mapping, long index)
        {
            var folio = mapping.GetFolio(index);
            if (folio != null && folio.Uptodate)
            {
                return folio;
            }

            mapping.Kernel.Trace.Hit(Tracepoint.FilemapInvalidateLockShared);
            mapping.InvalidateLock.EnterReadLock();
            try
            {
                folio = mapping.GetOrCreateFolio(index);
                lock (folio.Lock)
                {
                    if (!folio.Uptodate)
                    {
                        mapping.Ops.ReadFolio(mapping, folio);
                    }
                }

                return folio;
            }
            finally
            {
                mapping.InvalidateLock.ExitReadLock();
            }
        }

        /// <summary>
        /// filemap_invalidate_inode(): takes invalidate_lock exclusive (filemap_invalidate_lock()), writes
        /// the dirty folios back (filemap_fdatawrite_wbc() → do_writepages(): each folio locked and under
        /// writeback while -&gt;writepages() writes it) and drops the page cache.
        /// </summary>
        public static void FilemapInvalidate(AddressSpace mapping)
        {
            mapping.InvalidateLock.EnterWriteLock();
            try
            {
                foreach (var folio in mapping.DirtyFolios())
                {
                    lock (folio.Lock)
                    {
                        folio.Writeback = true;
                        try
                        {
                            mapping.Ops.WritePages(mapping, folio);
                            folio.Dirty = false;
                        }
                        finally
                        {
                            folio.Writeback = false;
                        }
                    }
                }

                mapping.InvalidatePages();
            }
            finally
            {
                mapping.InvalidateLock.ExitWriteLock();
            }
        }
    }
}
