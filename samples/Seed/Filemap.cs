using LockLevels;

namespace Seed
{
    /// <summary>mm/filemap.c: the page-cache side, which calls into the filesystem with its locks held.</summary>
    public static class Filemap
    {
        /// <summary>
        /// filemap_invalidate_inode(): takes invalidate_lock for writing, locks the folios and
        /// writes them back through ->writepages() (filemap_fdatawrite_wbc()).
        /// The order here is the declared one: InvalidateLock, then FolioLock.
        /// </summary>
        public static void InvalidateInode(AddressSpace mapping)
        {
            mapping.InvalidateLock.EnterWriteLock();
            try
            {
                foreach (var folio in mapping.Folios)
                {
                    lock (folio.Lock)
                    {
                        mapping.Operations.WritePages(mapping, new WritebackControl { RangeStart = folio.Index, RangeEnd = folio.Index });
                    }
                }
            }
            finally
            {
                mapping.InvalidateLock.ExitWriteLock();
            }
        }
    }
}
