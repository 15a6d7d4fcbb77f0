namespace Netfs
{
    /// <summary>fs/read_write.c and mm/filemap.c's generic write path.</summary>
    internal static class ReadWrite
    {
        /// <summary>
        /// write(2): vfs_write() → file_start_write() (sb_start_write() on the file's filesystem) →
        /// -&gt;write_iter() → generic_perform_write(), with sb_writers held throughout.
        /// </summary>
        public static void VfsWrite(RegularFile file, UserBuffer buffer, long index)
        {
            var sb = file.SuperBlock;
            sb.StartWrite();
            try
            {
                GenericPerformWrite(file, buffer, index);
            }
            finally
            {
                sb.EndWrite();
            }
        }

        /// <summary>
        /// generic_perform_write(): faults the user buffer in before it locks the page it copies into, so
        /// that the copy itself never faults with a folio locked. The fault takes mmap_lock, with sb_writers
        /// held: "you take sb_writers, then do all the work preparing the write and then you copy user
        /// data into page cache which may require mmap_sem" (Jan Kara).
        /// </summary>
        private static void GenericPerformWrite(RegularFile file, UserBuffer buffer, long index)
        {
            Iov.FaultInReadable(buffer);
            file.WritePage(index, buffer.CopyFromUser());
        }
    }
}
