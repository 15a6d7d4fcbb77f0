using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.BTreePageCache
{
    public readonly record struct PageId(int File, long Number)
    {
        public override string ToString() => $"{File}:{Number}";
    }

    /// <summary>A cached page: its bytes are guarded by the page latch, its pin count by Interlocked.</summary>
    public sealed class Page
    {
        internal readonly object Latch = new();
        private int _pins;

        public Page(PageId id, int size)
        {
            Id = id;
            Data = ArrayPool<byte>.Shared.Rent(size);
            Size = size;
        }

        public PageId Id { get; }
        public byte[] Data { get; }
        public int Size { get; }
        public bool Dirty { get; internal set; }
        public int Pins => Volatile.Read(ref _pins);

        internal void Pin() => Interlocked.Increment(ref _pins);

        internal void Unpin()
        {
            if (Interlocked.Decrement(ref _pins) < 0)
            {
                throw new InvalidOperationException($"page {Id} unpinned more often than pinned");
            }
        }

        internal void Release() => ArrayPool<byte>.Shared.Return(Data);
    }

    public interface IPageStore
    {
        void Read(PageId id, Span<byte> destination);
        void Write(PageId id, ReadOnlySpan<byte> source);
    }

    /// <summary>
    /// The buffer pool of a B-tree: the map lock guards the page table and the clock hand; a page's
    /// latch guards its bytes. Order: the map lock, then a page latch; never a latch then the map.
    /// </summary>
    public sealed class PageCache
    {
        private readonly object _mapLock = new();
        private readonly Dictionary<PageId, Page> _pages = new();
        private readonly List<Page> _clock = new();
        private readonly IPageStore _store;
        private readonly int _pageSize;
        private readonly int _capacity;
        private int _hand;

        public PageCache(IPageStore store, int pageSize = 8192, int capacity = 256)
        {
            _store = store;
            _pageSize = pageSize;
            _capacity = capacity;
        }

        public Page Fetch(PageId id)
        {
            lock (_mapLock)
            {
                if (_pages.TryGetValue(id, out var cached))
                {
                    cached.Pin();
                    return cached;
                }

                if (_pages.Count >= _capacity)
                {
                    EvictLocked();
                }

                var page = new Page(id, _pageSize);
                lock (page.Latch)
                {
                    _store.Read(id, page.Data.AsSpan(0, _pageSize));
                }

                page.Pin();
                _pages.Add(id, page);
                _clock.Add(page);
                return page;
            }
        }

        public void Unpin(Page page) => page.Unpin();

        public void Modify(Page page, int offset, ReadOnlySpan<byte> bytes)
        {
            lock (page.Latch)
            {
                bytes.CopyTo(page.Data.AsSpan(offset, bytes.Length));
                page.Dirty = true;
            }
        }

        private void EvictLocked()
        {
            for (var scanned = 0; scanned < _clock.Count * 2; scanned++)
            {
                _hand = (_hand + 1) % _clock.Count;
                var candidate = _clock[_hand];
                if (candidate.Pins > 0)
                {
                    continue;
                }

                lock (candidate.Latch)
                {
                    if (candidate.Dirty)
                    {
                        _store.Write(candidate.Id, candidate.Data.AsSpan(0, _pageSize));
                        candidate.Dirty = false;
                    }
                }

                _pages.Remove(candidate.Id);
                _clock.RemoveAt(_hand);
                candidate.Release();
                return;
            }

            throw new InvalidOperationException("every page is pinned");
        }

        public int FlushAll()
        {
            var flushed = 0;
            lock (_mapLock)
            {
                foreach (var page in _clock)
                {
                    lock (page.Latch)
                    {
                        if (!page.Dirty)
                        {
                            continue;
                        }

                        _store.Write(page.Id, page.Data.AsSpan(0, _pageSize));
                        page.Dirty = false;
                        flushed++;
                    }
                }
            }

            return flushed;
        }
    }

    public sealed class MemoryPageStore : IPageStore
    {
        private readonly Dictionary<PageId, byte[]> _disk = new();

        public void Read(PageId id, Span<byte> destination)
        {
            lock (_disk)
            {
                if (_disk.TryGetValue(id, out var bytes))
                {
                    bytes.CopyTo(destination);
                }
                else
                {
                    destination.Clear();
                }
            }
        }

        public void Write(PageId id, ReadOnlySpan<byte> source)
        {
            lock (_disk)
            {
                _disk[id] = source.ToArray();
            }
        }
    }
}
