using System;
using System.Collections.Concurrent;
using System.Text;

namespace Netfs
{
    /// <summary>An AFS fileserver: the data of AFS files, by file id and page.</summary>
    internal sealed class AfsServer
    {
        private readonly ConcurrentDictionary<(string Fid, long Index), byte[]> _data = new ConcurrentDictionary<(string Fid, long Index), byte[]>();

        /// <summary>FS.FetchData.</summary>
        public byte[] Fetch(string fid, long index)
            => _data.TryGetValue((fid, index), out var data) ? data : Encoding.ASCII.GetBytes($"{fid} page {index}");

        /// <summary>FS.StoreData.</summary>
        public void Store(string fid, long index, byte[] data) => _data[(fid, index)] = data;
    }

    /// <summary>
    /// struct afs_vnode: an AFS file (fs A), a netfs inode whose page cache operations are netfslib's,
    /// cached locally by cachefiles.
    /// </summary>
    internal sealed class AfsVnode : NetfsInode, IAddressSpaceOperations
    {
        private readonly AfsServer _server;
        private readonly string _fid;

        public AfsVnode(Kernel kernel, AfsServer server, string fid, CachefilesCache? cache)
            : base(new AddressSpace(kernel, "afs:" + fid), cache, cache?.LookupCookie(fid))
        {
            _server = server;
            _fid = fid;
            Mapping.Ops = this;
        }

        /// <summary>afs_writepages() → netfs_writepages().</summary>
        public void WritePages(AddressSpace mapping, Folio folio) => Netfslib.WritePages(this, folio);

        /// <summary>afs_file_aops.read_folio = netfs_read_folio().</summary>
        public void ReadFolio(AddressSpace mapping, Folio folio) => Netfslib.ReadFolio(this, folio);

        /// <summary>afs_issue_read() → afs_fetch_data().</summary>
        public override byte[] FetchData(long index) => _server.Fetch(_fid, index);

        /// <summary>afs_issue_write() → afs_store_data().</summary>
        public override void StoreData(long index, byte[] data) => _server.Store(_fid, index, data ?? Array.Empty<byte>());
    }
}
