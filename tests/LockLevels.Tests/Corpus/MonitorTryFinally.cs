using System;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.MonitorTryFinally
{
    /// <summary>
    /// A blocking bounded buffer written the pre-<c>lock</c>-statement way: Monitor.Enter with a
    /// lockTaken flag, Monitor.Wait/Pulse as the condition variable, Exit in finally.
    /// </summary>
    public sealed class BlockingBuffer<T>
    {
        private readonly object _monitor = new();
        private readonly T[] _items;
        private int _head, _tail, _count;
        private bool _closed;

        public BlockingBuffer(int capacity) => _items = new T[capacity];

        public int Count
        {
            get
            {
                Monitor.Enter(_monitor);
                try
                {
                    return _count;
                }
                finally
                {
                    Monitor.Exit(_monitor);
                }
            }
        }

        public void Put(T item)
        {
            var lockTaken = false;
            try
            {
                Monitor.Enter(_monitor, ref lockTaken);
                while (_count == _items.Length && !_closed)
                {
                    Monitor.Wait(_monitor);
                }

                if (_closed)
                {
                    throw new InvalidOperationException("buffer closed");
                }

                _items[_tail] = item;
                _tail = (_tail + 1) % _items.Length;
                _count++;
                Monitor.PulseAll(_monitor);
            }
            finally
            {
                if (lockTaken)
                {
                    Monitor.Exit(_monitor);
                }
            }
        }

        public bool TryTake(out T item, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            if (!Monitor.TryEnter(_monitor, timeout))
            {
                item = default!;
                return false;
            }

            try
            {
                while (_count == 0)
                {
                    var remaining = deadline - DateTime.UtcNow;
                    if (_closed || remaining <= TimeSpan.Zero || !Monitor.Wait(_monitor, remaining))
                    {
                        item = default!;
                        return false;
                    }
                }

                item = _items[_head];
                _items[_head] = default!;
                _head = (_head + 1) % _items.Length;
                _count--;
                Monitor.PulseAll(_monitor);
                return true;
            }
            finally
            {
                Monitor.Exit(_monitor);
            }
        }

        public void Close()
        {
            lock (_monitor)
            {
                _closed = true;
                Monitor.PulseAll(_monitor);
            }
        }
    }

    /// <summary>Two monitors, always nested the same way: the directory, then an entry.</summary>
    public sealed class Directory
    {
        private readonly object _directoryMonitor = new();
        private readonly Dictionary<string, Entry> _entries = new();

        public sealed class Entry
        {
            internal readonly object Monitor = new();
            public int References { get; internal set; }
            public string Name { get; init; } = "";
        }

        public Entry Open(string name)
        {
            var directoryTaken = false;
            try
            {
                Monitor.Enter(_directoryMonitor, ref directoryTaken);
                if (!_entries.TryGetValue(name, out var entry))
                {
                    entry = new Entry { Name = name };
                    _entries.Add(name, entry);
                }

                var entryTaken = false;
                try
                {
                    Monitor.Enter(entry.Monitor, ref entryTaken);
                    entry.References++;
                }
                finally
                {
                    if (entryTaken)
                    {
                        Monitor.Exit(entry.Monitor);
                    }
                }

                return entry;
            }
            finally
            {
                if (directoryTaken)
                {
                    Monitor.Exit(_directoryMonitor);
                }
            }
        }

        public void Close(Entry entry)
        {
            Monitor.Enter(_directoryMonitor);
            try
            {
                lock (entry.Monitor)
                {
                    if (--entry.References == 0)
                    {
                        _entries.Remove(entry.Name);
                    }
                }
            }
            finally
            {
                Monitor.Exit(_directoryMonitor);
            }
        }
    }
}
