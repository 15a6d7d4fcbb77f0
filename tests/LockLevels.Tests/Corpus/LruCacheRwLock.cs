using System;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.LruCacheRwLock
{
    /// <summary>
    /// An LRU cache for read-mostly data: lookups share a reader lock and record recency in a
    /// separate, cheaper lock; inserts take the writer lock. Order: the reader-writer lock, then the
    /// recency lock.
    /// </summary>
    public sealed class ReadMostlyLruCache<TKey, TValue> : IDisposable where TKey : notnull
    {
        private readonly ReaderWriterLockSlim _rw = new(LockRecursionPolicy.NoRecursion);
        private readonly object _recencyGate = new();
        private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _index;
        private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();
        private readonly int _capacity;

        public ReadMostlyLruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
        {
            _capacity = capacity;
            _index = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(capacity, comparer);
        }

        public int Count
        {
            get
            {
                _rw.EnterReadLock();
                try
                {
                    return _index.Count;
                }
                finally
                {
                    _rw.ExitReadLock();
                }
            }
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            _rw.EnterReadLock();
            try
            {
                if (!_index.TryGetValue(key, out var node))
                {
                    value = default!;
                    return false;
                }

                lock (_recencyGate)
                {
                    if (node.List != null)
                    {
                        _recency.Remove(node);
                        _recency.AddFirst(node);
                    }
                }

                value = node.Value.Value;
                return true;
            }
            finally
            {
                _rw.ExitReadLock();
            }
        }

        public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
        {
            _rw.EnterUpgradeableReadLock();
            try
            {
                if (_index.TryGetValue(key, out var existing))
                {
                    return existing.Value.Value;
                }

                var value = create(key);
                _rw.EnterWriteLock();
                try
                {
                    AddLocked(key, value);
                }
                finally
                {
                    _rw.ExitWriteLock();
                }

                return value;
            }
            finally
            {
                _rw.ExitUpgradeableReadLock();
            }
        }

        public void Set(TKey key, TValue value)
        {
            if (!_rw.TryEnterWriteLock(TimeSpan.FromSeconds(1)))
            {
                throw new TimeoutException("cache writer lock");
            }

            try
            {
                if (_index.Remove(key, out var old))
                {
                    lock (_recencyGate)
                    {
                        _recency.Remove(old);
                    }
                }

                AddLocked(key, value);
            }
            finally
            {
                _rw.ExitWriteLock();
            }
        }

        private void AddLocked(TKey key, TValue value)
        {
            lock (_recencyGate)
            {
                while (_index.Count >= _capacity && _recency.Last is { } last)
                {
                    _recency.RemoveLast();
                    _index.Remove(last.Value.Key);
                }

                _index[key] = _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            }
        }

        public void Dispose() => _rw.Dispose();
    }
}
