using System;
using System.Text;

namespace Netfs
{
    /// <summary>
    /// The machine of the thread's scenarios: fs B (ext4) with a log file and the cache's directory, an
    /// AFS file (fs A) cached by cachefiles on fs B, and one multithreaded process that has the AFS file
    /// mmapped, plus a second mapping for another thread to munmap.
    /// </summary>
    internal sealed class Machine : IDisposable
    {
        private Machine()
        {
            Kernel = new Kernel();
            BackingSb = new SuperBlock(Kernel, "ext4");
            LogFile = new RegularFile(BackingSb, "/var/log/app.log");
            Cache = new CachefilesCache(BackingSb, "/var/cache/fscache");
            Server = new AfsServer();
            AfsFile = new AfsVnode(Kernel, Server, "example.com:1.2.3", Cache);
            Mm = new MmStruct(Kernel);
            AfsMmap = Mm.Mmap(AfsFile.Mapping);
            OtherMmap = Mm.Mmap(new AfsVnode(Kernel, Server, "example.com:1.2.4", cache: null).Mapping);
        }

        public Kernel Kernel { get; }

        /// <summary>fs B: the cache's backing filesystem.</summary>
        public SuperBlock BackingSb { get; }

        /// <summary>A file on fs B that write(2) writes to.</summary>
        public RegularFile LogFile { get; }

        public CachefilesCache Cache { get; }

        public AfsServer Server { get; }

        /// <summary>A file on fs A.</summary>
        public AfsVnode AfsFile { get; }

        /// <summary>The process's address space, shared by the threads of the scenarios.</summary>
        public MmStruct Mm { get; }

        /// <summary>The AFS file, mmapped: write(2)'s user buffer is in it, and the page faults are on it.</summary>
        public Vma AfsMmap { get; }

        /// <summary>Another mapping, which a thread of the process munmaps.</summary>
        public Vma OtherMmap { get; }

        /// <summary>Boots the machine and binds the cache (cachefilesd's "bind").</summary>
        public static Machine Boot()
        {
            var machine = new Machine();
            machine.Cache.Bind();
            return machine;
        }

        /// <summary>A page of the AFS file dirtied in the page cache (as by a write(2) on fs A), waiting for write-back.</summary>
        public void DirtyAfsPage(long index)
        {
            var folio = AfsFile.Mapping.GetOrCreateFolio(index);
            folio.Data = Encoding.ASCII.GetBytes($"dirty page {index}");
            folio.Uptodate = true;
            folio.Dirty = true;
        }

        public void Dispose()
        {
            if (Cache.Bound)
            {
                Cache.Unbind();
            }

            Kernel.Dispose();
        }
    }
}
