using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using LockLevels;

// The mapping (page table) lock, then a page's lock, then the backing file.
[assembly: LockHierarchy("PageCache.Mapping", "PageCache.Page", "PageCache.Io")]

namespace Corpus.AnnotatedPageCache
{
    public sealed class CachedPage
    {
        [Lock("PageCache.Page")] internal readonly object Gate = new();

        public CachedPage(long index, int size)
        {
            Index = index;
            Data = new byte[size];
        }

        public long Index { get; }
        public byte[] Data { get; }
        public bool Dirty { get; private set; }
        public bool Uptodate { get; private set; }

        /// <summary>Like folio_lock: held after the call, until <see cref="Unlock"/>.</summary>
        [Acquires("PageCache.Page")]
        public void Lock() => Monitor.Enter(Gate);

        [Releases("PageCache.Page")]
        public void Unlock() => Monitor.Exit(Gate);

        [CalledWithLocksHeld("PageCache.Page")]
        public void MarkDirty() => Dirty = true;

        [CalledWithLocksHeld("PageCache.Page")]
        public void MarkClean()
        {
            Dirty = false;
            Uptodate = true;
        }
    }

    public interface IPageIo
    {
        [CalledWithLocksHeld("PageCache.Page")]
        [MightAcquire("PageCache.Io")]
        void Write(CachedPage page);

        [CalledWithLocksHeld("PageCache.Page")]
        [MightAcquire("PageCache.Io")]
        void Read(CachedPage page);
    }

    public sealed class StreamPageIo(Stream stream) : IPageIo
    {
        [Lock("PageCache.Io")] private readonly object _streamGate = new();

        [MightAcquire("PageCache.Io")]
        public void Write(CachedPage page)
        {
            lock (_streamGate)
            {
                stream.Seek(page.Index * page.Data.Length, SeekOrigin.Begin);
                stream.Write(page.Data);
            }
        }

        [MightAcquire("PageCache.Io")]
        public void Read(CachedPage page)
        {
            lock (_streamGate)
            {
                stream.Seek(page.Index * page.Data.Length, SeekOrigin.Begin);
                stream.ReadExactly(page.Data);
            }
        }
    }

    /// <summary>A file's pages: a reader-writer lock over the page table, a monitor per page.</summary>
    public sealed class PageMapping(IPageIo io, int pageSize = 4096) : IDisposable
    {
        [Lock("PageCache.Mapping")] private readonly ReaderWriterLockSlim _table = new();
        private readonly Dictionary<long, CachedPage> _pages = new();

        [MightAcquire("PageCache.Mapping", Shared = true)]
        public CachedPage? Find(long index)
        {
            _table.EnterReadLock();
            try
            {
                return _pages.GetValueOrDefault(index);
            }
            finally
            {
                _table.ExitReadLock();
            }
        }

        [MightAcquire("PageCache.Mapping")]
        public CachedPage FindOrCreate(long index)
        {
            _table.EnterUpgradeableReadLock();
            try
            {
                if (_pages.TryGetValue(index, out var page))
                {
                    return page;
                }

                _table.EnterWriteLock();
                try
                {
                    page = new CachedPage(index, pageSize);
                    _pages.Add(index, page);
                    return page;
                }
                finally
                {
                    _table.ExitWriteLock();
                }
            }
            finally
            {
                _table.ExitUpgradeableReadLock();
            }
        }

        [MightAcquire("PageCache.Mapping", "PageCache.Page", "PageCache.Io")]
        public byte[] ReadPage(long index)
        {
            var page = FindOrCreate(index);
            page.Lock();
            try
            {
                if (!page.Uptodate)
                {
                    io.Read(page);
                    page.MarkClean();
                }

                return (byte[])page.Data.Clone();
            }
            finally
            {
                page.Unlock();
            }
        }

        [MightAcquire("PageCache.Mapping", "PageCache.Page")]
        public void WritePage(long index, ReadOnlySpan<byte> data, int offset = 0)
        {
            var page = FindOrCreate(index);
            page.Lock();
            try
            {
                data.CopyTo(page.Data.AsSpan(offset));
                page.MarkDirty();
            }
            finally
            {
                page.Unlock();
            }
        }

        /// <summary>Writes back dirty pages: the table shared, then each page in turn.</summary>
        [MightAcquire("PageCache.Mapping", Shared = true)]
        [MightAcquire("PageCache.Page", "PageCache.Io")]
        public int WriteBack()
        {
            var written = 0;
            _table.EnterReadLock();
            try
            {
                foreach (var page in _pages.Values)
                {
                    page.Lock();
                    try
                    {
                        if (page.Dirty)
                        {
                            io.Write(page);
                            page.MarkClean();
                            written++;
                        }
                    }
                    finally
                    {
                        page.Unlock();
                    }
                }
            }
            finally
            {
                _table.ExitReadLock();
            }

            return written;
        }

        /// <summary>Drops a clean page nobody holds; a page that is locked right now is skipped.</summary>
        [MightAcquire("PageCache.Mapping", "PageCache.Page")]
        public bool TryEvict(long index)
        {
            if (!_table.TryEnterWriteLock(TimeSpan.FromMilliseconds(50)))
            {
                return false;
            }

            try
            {
                if (!_pages.TryGetValue(index, out var page))
                {
                    return false;
                }

                if (!Monitor.TryEnter(page.Gate))
                {
                    return false;
                }

                try
                {
                    return !page.Dirty && _pages.Remove(index);
                }
                finally
                {
                    Monitor.Exit(page.Gate);
                }
            }
            finally
            {
                _table.ExitWriteLock();
            }
        }

        public void Dispose() => _table.Dispose();
    }
}
