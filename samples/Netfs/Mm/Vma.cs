using System.Collections.Concurrent;

namespace Netfs
{
    /// <summary>struct vm_area_struct: a file mapped into a process, with the page table entries of its pages.</summary>
    internal sealed class Vma
    {
        private readonly ConcurrentDictionary<long, Folio> _ptes = new ConcurrentDictionary<long, Folio>();

        public Vma(MmStruct mm, AddressSpace mapping)
        {
            Mm = mm;
            Mapping = mapping;
        }

        public MmStruct Mm { get; }

        /// <summary>The mapped file's page cache (vma->vm_file->f_mapping).</summary>
        public AddressSpace Mapping { get; }

        /// <summary>
        /// A user-space load from page <paramref name="index"/> of the mapping: the MMU finds the page
        /// table entry, or the CPU traps into the page-fault handler, which maps the page.
        /// </summary>
        public byte[] Load(long index)
        {
            Folio? folio;
            while (!_ptes.TryGetValue(index, out folio))
            {
                Mm.Kernel.TrapPageFault(this, index);
            }

            return folio.Data;
        }

        public void SetPte(long index, Folio folio) => _ptes[index] = folio;

        /// <summary>zap_page_range(): the page table entries go; the next access faults again.</summary>
        public void ZapPageRange() => _ptes.Clear();
    }

    /// <summary>A user buffer (an iov_iter over user memory): one page of a mapping.</summary>
    internal sealed class UserBuffer
    {
        public UserBuffer(Vma vma, long page)
        {
            Vma = vma;
            Page = page;
        }

        public Vma Vma { get; }

        public long Page { get; }

        /// <summary>copy_from_user(): may fault, like any access to user memory.</summary>
        public byte[] CopyFromUser() => (byte[])Vma.Load(Page).Clone();
    }
}
