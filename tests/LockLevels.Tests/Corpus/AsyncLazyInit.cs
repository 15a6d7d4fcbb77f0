using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.AsyncLazyInit
{
    /// <summary>An asynchronous Lazy: the factory runs once; a failed or cancelled run is retried by the next caller.</summary>
    public sealed class AsyncLazy<T>
    {
        private readonly object _gate = new();
        private readonly Func<CancellationToken, Task<T>> _factory;
        private Task<T>? _value;

        public AsyncLazy(Func<CancellationToken, Task<T>> factory) => _factory = factory;

        public bool IsValueCreated
        {
            get
            {
                var task = Volatile.Read(ref _value);
                return task is { IsCompletedSuccessfully: true };
            }
        }

        public Task<T> GetValueAsync(CancellationToken cancellationToken = default)
        {
            var current = Volatile.Read(ref _value);
            if (current is { IsFaulted: false, IsCanceled: false })
            {
                return current;
            }

            lock (_gate)
            {
                if (_value is null || _value.IsFaulted || _value.IsCanceled)
                {
                    _value = Task.Run(() => _factory(cancellationToken), cancellationToken);
                }

                return _value;
            }
        }

        public TaskAwaiter<T> GetAwaiter() => GetValueAsync().GetAwaiter();
    }

    /// <summary>Double-checked locking, done right (volatile field, publish after construction).</summary>
    public sealed class ExpensiveSingleton
    {
        private static volatile ExpensiveSingleton? s_instance;
        private static readonly object s_creationGate = new();

        private ExpensiveSingleton()
        {
            CreatedAt = DateTimeOffset.UtcNow;
            Thread.Sleep(1);
        }

        public DateTimeOffset CreatedAt { get; }

        public static ExpensiveSingleton Instance
        {
            get
            {
                if (s_instance is { } existing)
                {
                    return existing;
                }

                lock (s_creationGate)
                {
                    return s_instance ??= new ExpensiveSingleton();
                }
            }
        }
    }

    /// <summary>Keyed async initialization: one AsyncLazy per key, created through a ConcurrentDictionary.</summary>
    public sealed class KeyedInitializer<TKey, TValue> where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, AsyncLazy<TValue>> _entries = new();
        private readonly Func<TKey, CancellationToken, Task<TValue>> _create;
        private int _creations;

        public KeyedInitializer(Func<TKey, CancellationToken, Task<TValue>> create) => _create = create;

        public int Creations => Volatile.Read(ref _creations);

        public Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken = default)
            => _entries.GetOrAdd(key, k => new AsyncLazy<TValue>(async ct =>
            {
                Interlocked.Increment(ref _creations);
                return await _create(k, ct).ConfigureAwait(false);
            })).GetValueAsync(cancellationToken);

        public bool Invalidate(TKey key) => _entries.TryRemove(key, out _);
    }

    public static class Usage
    {
        private static readonly AsyncLazy<string> s_banner = new(async ct =>
        {
            await Task.Delay(10, ct).ConfigureAwait(false);
            return $"started at {DateTimeOffset.UtcNow:O}";
        });

        public static async Task<string> BannerAsync() => await s_banner;

        public static Task<int> LengthAsync(KeyedInitializer<string, int> lengths, string word) => lengths.GetAsync(word);
    }
}
