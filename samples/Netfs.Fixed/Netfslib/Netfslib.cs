using LockLevels;

namespace Netfs
{
    /// <summary>
    /// struct netfs_inode: what a network filesystem's inode embeds to use netfslib, which reads and
    /// writes its data through the server and, when the inode has a cookie, through a local cache.
    /// </summary>
    internal abstract class NetfsInode
    {
        protected NetfsInode(AddressSpace mapping, INetfsCacheOps? cache, CacheObject? cookie)
        {
            Mapping = mapping;
            Cache = cache;
            Cookie = cookie;
        }

        public AddressSpace Mapping { get; }

        /// <summary>The cache's operations (netfs_cache_ops), or null for an uncached inode.</summary>
        public INetfsCacheOps? Cache { get; }

        /// <summary>The inode's fscache cookie: its object in the cache.</summary>
        public CacheObject? Cookie { get; }

        /// <summary>netfs_request_ops-&gt;issue_read: fetch a page from the server.</summary>
        public abstract byte[] FetchData(long index);

        /// <summary>netfs_request_ops-&gt;issue_write: store a page on the server.</summary>
        public abstract void StoreData(long index, byte[] data);
    }

    /// <summary>
    /// struct netfs_cache_ops: what netfslib calls in the cache. Netfslib calls them for folios it has
    /// locked (reads) or put under writeback (writes).
    /// </summary>
    internal interface INetfsCacheOps
    {
        /// <summary>-&gt;prepare_read() and the read: fills the folio from the cache; false on a miss.</summary>
        [CalledWithLocksHeld("FolioLock")]
        bool PrepareRead(CacheObject cookie, Folio folio);

        /// <summary>-&gt;issue_write(): stores the folio's data in the cache.</summary>
        [CalledWithLocksHeld("FolioLock")]
        void IssueWrite(CacheObject cookie, Folio folio);
    }

    /// <summary>fs/netfs: the helpers a network filesystem's address_space_operations are made of.</summary>
    internal static class Netfslib
    {
        /// <summary>netfs_read_folio(): from the cache if it has the data, else from the server.</summary>
        [CalledWithLocksHeld("FolioLock")]
        public static void ReadFolio(NetfsInode ictx, Folio folio)
        {
            if (ictx.Cache != null && ictx.Cookie != null && ictx.Cache.PrepareRead(ictx.Cookie, folio))
            {
                folio.Uptodate = true;
                return;
            }

            folio.Data = ictx.FetchData(folio.Index);
            folio.Uptodate = true;
        }

        /// <summary>netfs_writepages(): uploads the folio to the server and writes it to the cache.</summary>
        [CalledWithLocksHeld("FolioLock")]
        public static void WritePages(NetfsInode ictx, Folio folio)
        {
            ictx.StoreData(folio.Index, folio.Data);
            if (ictx.Cache != null && ictx.Cookie != null)
            {
                ictx.Cache.IssueWrite(ictx.Cookie, folio);
            }
        }
    }
}
