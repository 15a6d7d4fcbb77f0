namespace Netfs
{
    /// <summary>arch/x86/mm/fault.c and mm/memory.c: the page-fault handler.</summary>
    internal static class PageFault
    {
        /// <summary>
        /// do_user_addr_fault() → handle_mm_fault() → __do_fault() → vma-&gt;vm_ops-&gt;fault, which for a
        /// file mapping is filemap_fault(), called with mmap_lock held for reading.
        /// </summary>
        public static void HandleMmFault(Vma vma, long index)
        {
            var mm = vma.Mm;
            mm.MmapReadLock();
            try
            {
                var folio = Filemap.FilemapFault(vma.Mapping, index);
                vma.SetPte(index, folio);
            }
            finally
            {
                mm.MmapReadUnlock();
            }
        }
    }
}
