using System.Collections.Concurrent;
using LockLevels;

namespace Netfs
{
    /// <summary>struct cachefiles_object: a cookie's backing file in the cache.</summary>
    internal sealed class CacheObject
    {
        public CacheObject(RegularFile file) => File = file;

        public RegularFile File { get; }

        /// <summary>The object's "CacheFiles.cache" xattr has been checked (or set) since it was looked up.</summary>
        public bool AuxdataChecked { get; set; }
    }

    /// <summary>
    /// struct cachefiles_cache: a local cache for a network filesystem, kept in files (data and xattrs) in
    /// a directory of another, "backing" filesystem (fs B, for example ext4 under /var/cache/fscache).
    /// </summary>
    internal sealed class CachefilesCache : INetfsCacheOps
    {
        private const string AuxdataXattr = "trusted.CacheFiles.cache";

        private readonly ConcurrentDictionary<string, CacheObject> _objects = new ConcurrentDictionary<string, CacheObject>();
        private readonly SuperBlock _backingSb;
        private readonly string _rootDir;
        private System.IDisposable? _sbWritersClaim;

        public CachefilesCache(SuperBlock backingSb, string rootDir)
        {
            _backingSb = backingSb;
            _rootDir = rootDir;
        }

        public bool Bound { get; private set; }

        /// <summary>
        /// cachefiles_add_cache(): binds the cache to its directory on the backing filesystem and claims write
        /// access to it for as long as the cache is bound (mnt_want_write() on a private mount).
        /// </summary>
        [LockSetup]
        public void Bind()
        {
            Bound = true;
            _sbWritersClaim = _backingSb.ClaimWriteLongTerm();
        }

        /// <summary>cachefiles_daemon_unbind(): drops the write claim (mnt_drop_write()).</summary>
        [LockTeardown]
        public void Unbind()
        {
            Bound = false;
            _sbWritersClaim?.Dispose();
        }

        /// <summary>cachefiles_lookup_cookie(): the backing file of a netfs inode's cookie.</summary>
        public CacheObject LookupCookie(string key)
            => _objects.GetOrAdd(key, k => new CacheObject(new RegularFile(_backingSb, $"{_rootDir}/{k}")));

        /// <summary>
        /// cachefiles_prepare_read() and the read. An object whose auxdata xattr has not been checked yet
        /// is new or stale: cachefiles (re)sets the xattr, under the cache's long-term write claim on the
        /// backing filesystem, so nothing outer is taken with the folio locked.
        /// </summary>
        public bool PrepareRead(CacheObject cookie, Folio folio)
        {
            _backingSb.Kernel.Trace.Hit(Tracepoint.CachefilesPrepareRead);
            if (!cookie.AuxdataChecked)
            {
                cookie.File.SetXattr(AuxdataXattr, "netfs");
                cookie.AuxdataChecked = true;
            }

            var data = cookie.File.ReadPage(folio.Index);
            if (data == null)
            {
                return false;
            }

            folio.Data = data;
            return true;
        }

        /// <summary>
        /// cachefiles_issue_write(): writes the folio's data into the backing file and updates the xattr,
        /// under the cache's long-term write claim on the backing filesystem.
        /// </summary>
        public void IssueWrite(CacheObject cookie, Folio folio)
        {
            _backingSb.Kernel.Trace.Hit(Tracepoint.CachefilesIssueWrite);
            cookie.File.WritePage(folio.Index, folio.Data);
            cookie.File.SetXattr(AuxdataXattr, "netfs");
        }
    }
}
