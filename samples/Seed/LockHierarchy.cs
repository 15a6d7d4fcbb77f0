using LockLevels;

// The lock levels of the seed thread, outermost first:
//   sb_writers (the superblock freeze protection, a per-cpu rwsem per filesystem type)
//   -> mm->mmap_lock (taken by page faults, e.g. while copying a user buffer in write(2))
//   -> mapping->invalidate_lock
//   -> the folio lock (PG_locked / PG_writeback)
// vfs_write() takes sb_writers and may then fault (mmap_lock); a fault takes mmap_lock and then
// reads a folio; filemap_invalidate() takes invalidate_lock and then writes folios back.
[assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]
