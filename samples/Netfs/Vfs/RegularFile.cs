using System.Collections.Concurrent;

namespace Netfs
{
    /// <summary>
    /// A file on a local filesystem (the cache's backing files, the file write(2) writes to): its data by
    /// page index and its extended attributes. Callers that modify it hold write access to its
    /// filesystem (sb_start_write(), or a write claim).
    /// </summary>
    internal sealed class RegularFile
    {
        private readonly ConcurrentDictionary<long, byte[]> _pages = new ConcurrentDictionary<long, byte[]>();
        private readonly ConcurrentDictionary<string, string> _xattrs = new ConcurrentDictionary<string, string>();

        public RegularFile(SuperBlock sb, string path)
        {
            SuperBlock = sb;
            Path = path;
        }

        public SuperBlock SuperBlock { get; }

        public string Path { get; }

        public void WritePage(long index, byte[] data) => _pages[index] = data;

        public byte[]? ReadPage(long index) => _pages.TryGetValue(index, out var data) ? data : null;

        /// <summary>vfs_setxattr().</summary>
        public void SetXattr(string name, string value) => _xattrs[name] = value;

        /// <summary>vfs_getxattr().</summary>
        public string? GetXattr(string name) => _xattrs.TryGetValue(name, out var value) ? value : null;
    }
}
