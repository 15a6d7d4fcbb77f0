using System;

namespace Seed
{
    /// <summary>Runs the write-back path once: filemap_invalidate_inode() on an AFS file cached on ext4.</summary>
    public static class Program
    {
        public static void Main()
        {
            var cache = new CachefilesCache(new SuperBlock("ext4"));
            var mapping = new AddressSpace(new AfsCachedFile(cache));
            mapping.Folios.Add(new Folio(0));
            mapping.Folios.Add(new Folio(1));

            Filemap.InvalidateInode(mapping);

            Console.WriteLine($"wrote {mapping.Folios.Count} folios back to the cache on {cache.BackingSb.FsName}");
        }
    }
}
