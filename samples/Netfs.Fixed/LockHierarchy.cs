using LockLevels;

// The lock levels of the seed thread, outermost first:
//   sb_writers       a superblock's write/freeze protection (sb_start_write / freeze_super)
//   mmap_lock        a process's address-space lock, taken by every page fault
//   invalidate_lock  mapping->invalidate_lock of a file's page cache
//   folio lock       PG_locked, and PG_writeback while a folio is written back
// write(2) takes sb_writers, then may fault (mmap_lock); a page fault takes mmap_lock, then
// invalidate_lock and the folio lock to read the folio in; filemap_invalidate() takes
// invalidate_lock, then locks folios and writes them back.
[assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]
