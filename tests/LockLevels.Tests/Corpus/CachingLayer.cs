using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.CachingLayer;

/// <summary>When an entry stops being served.</summary>
public sealed record CachePolicy(TimeSpan AbsoluteExpiration, TimeSpan? SlidingExpiration = null, int Priority = 0)
{
    public static CachePolicy Default { get; } = new(TimeSpan.FromMinutes(5));
}

public readonly record struct CacheStatistics(long Hits, long Misses, long Evictions)
{
    public double HitRatio => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    public override string ToString() => $"hits={Hits} misses={Misses} evictions={Evictions} ratio={HitRatio:P1}";
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}

/// <summary>A read-through cache in front of a slow source, with expiration and single-flight loads.</summary>
public sealed class ReadThroughCache<TKey, TValue> where TKey : notnull
{
    private sealed class Entry
    {
        public required TValue Value { get; init; }
        public required DateTimeOffset Created { get; init; }
        public DateTimeOffset LastAccess { get; set; }
        public required CachePolicy Policy { get; init; }

        public bool IsExpired(DateTimeOffset now) => Policy switch
        {
            { SlidingExpiration: { } sliding } when now - LastAccess > sliding => true,
            { AbsoluteExpiration: var absolute } => now - Created > absolute,
        };
    }

    private readonly object _gate = new();
    private readonly Dictionary<TKey, Entry> _entries = new();
    private readonly Dictionary<TKey, Task<TValue>> _inflight = new();
    private readonly Func<TKey, CancellationToken, Task<TValue>> _load;
    private readonly IClock _clock;
    private readonly int _capacity;
    private long _hits, _misses, _evictions;

    public ReadThroughCache(Func<TKey, CancellationToken, Task<TValue>> load, int capacity = 1024, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _load = load;
        _capacity = capacity;
        _clock = clock ?? SystemClock.Instance;
    }

    public CacheStatistics Statistics => new(Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _evictions));

    public bool TryGet(TKey key, out TValue value)
    {
        var now = _clock.UtcNow;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && !entry.IsExpired(now))
            {
                entry.LastAccess = now;
                Interlocked.Increment(ref _hits);
                value = entry.Value;
                return true;
            }
        }

        Interlocked.Increment(ref _misses);
        value = default!;
        return false;
    }

    public Task<TValue> GetAsync(TKey key, CachePolicy? policy = null, CancellationToken cancellationToken = default)
    {
        if (TryGet(key, out var cached))
        {
            return Task.FromResult(cached);
        }

        Task<TValue> load;
        lock (_gate)
        {
            if (!_inflight.TryGetValue(key, out load!))
            {
                load = LoadAndStoreAsync(key, policy ?? CachePolicy.Default, cancellationToken);
                _inflight[key] = load;
            }
        }

        return load;
    }

    private async Task<TValue> LoadAndStoreAsync(TKey key, CachePolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            var value = await _load(key, cancellationToken).ConfigureAwait(false);
            var now = _clock.UtcNow;
            lock (_gate)
            {
                if (_entries.Count >= _capacity)
                {
                    EvictOneLocked(now);
                }

                _entries[key] = new Entry { Value = value, Created = now, LastAccess = now, Policy = policy };
            }

            return value;
        }
        finally
        {
            lock (_gate)
            {
                _inflight.Remove(key);
            }
        }
    }

    private void EvictOneLocked(DateTimeOffset now)
    {
        TKey? victim = default;
        var victimFound = false;
        var oldest = DateTimeOffset.MaxValue;
        foreach (var (key, entry) in _entries)
        {
            if (entry.IsExpired(now))
            {
                victim = key;
                victimFound = true;
                break;
            }

            if (entry.LastAccess < oldest)
            {
                oldest = entry.LastAccess;
                victim = key;
                victimFound = true;
            }
        }

        if (victimFound && _entries.Remove(victim!))
        {
            Interlocked.Increment(ref _evictions);
        }
    }

    public int Purge()
    {
        var now = _clock.UtcNow;
        var removed = 0;
        lock (_gate)
        {
            var expired = new List<TKey>();
            foreach (var pair in _entries)
            {
                if (pair.Value.IsExpired(now))
                {
                    expired.Add(pair.Key);
                }
            }

            foreach (var key in expired)
            {
                removed += _entries.Remove(key) ? 1 : 0;
            }
        }

        Interlocked.Add(ref _evictions, removed);
        return removed;
    }
}
