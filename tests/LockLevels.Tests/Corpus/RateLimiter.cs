using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.RateLimiter;

public enum RateLimitDecision
{
    Allowed,
    Throttled,
    Rejected,
}

public readonly record struct RateLimitLease(RateLimitDecision Decision, TimeSpan RetryAfter)
{
    public bool IsAcquired => Decision is RateLimitDecision.Allowed;

    public static RateLimitLease Granted { get; } = new(RateLimitDecision.Allowed, TimeSpan.Zero);
}

/// <summary>A token bucket guarded by a C# 13 <see cref="Lock"/>; refills lazily from a monotonic clock.</summary>
public sealed class TokenBucket(double capacity, double tokensPerSecond, Func<long>? timestamp = null)
{
    private readonly Lock _lock = new();
    private readonly Func<long> _timestamp = timestamp ?? Stopwatch.GetTimestamp;
    private double _tokens = capacity;
    private long _lastRefill = (timestamp ?? Stopwatch.GetTimestamp)();

    public double Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public double Available
    {
        get
        {
            lock (_lock)
            {
                RefillLocked();
                return _tokens;
            }
        }
    }

    public RateLimitLease TryAcquire(double tokens = 1)
    {
        if (tokens > Capacity)
        {
            return new RateLimitLease(RateLimitDecision.Rejected, TimeSpan.MaxValue);
        }

        lock (_lock)
        {
            RefillLocked();
            if (_tokens >= tokens)
            {
                _tokens -= tokens;
                return RateLimitLease.Granted;
            }

            var missing = tokens - _tokens;
            return new RateLimitLease(RateLimitDecision.Throttled, TimeSpan.FromSeconds(missing / tokensPerSecond));
        }
    }

    public async ValueTask<RateLimitLease> AcquireAsync(double tokens = 1, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var lease = TryAcquire(tokens);
            if (lease.Decision != RateLimitDecision.Throttled)
            {
                return lease;
            }

            await Task.Delay(lease.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RefillLocked()
    {
        var now = _timestamp();
        var elapsed = (now - _lastRefill) / (double)Stopwatch.Frequency;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Capacity, _tokens + elapsed * tokensPerSecond);
            _lastRefill = now;
        }
    }
}

/// <summary>One bucket per client key, created on demand; the table lock is taken before any bucket lock.</summary>
public sealed class PartitionedRateLimiter<TKey>(Func<TKey, TokenBucket> factory, int maxPartitions = 10_000) where TKey : notnull
{
    private readonly Lock _tableLock = new();
    private readonly Dictionary<TKey, TokenBucket> _buckets = [];
    private readonly Queue<TKey> _insertionOrder = new();

    public int Count
    {
        get
        {
            using (_tableLock.EnterScope())
            {
                return _buckets.Count;
            }
        }
    }

    public RateLimitLease TryAcquire(TKey key, double tokens = 1) => BucketFor(key).TryAcquire(tokens);

    private TokenBucket BucketFor(TKey key)
    {
        using var scope = _tableLock.EnterScope();
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        while (_buckets.Count >= maxPartitions && _insertionOrder.TryDequeue(out var oldest))
        {
            _buckets.Remove(oldest);
        }

        bucket = factory(key);
        _buckets.Add(key, bucket);
        _insertionOrder.Enqueue(key);
        return bucket;
    }

    public IReadOnlyList<(TKey Key, double Available)> Snapshot()
    {
        var result = new List<(TKey, double)>();
        lock (_tableLock)
        {
            foreach (var (key, bucket) in _buckets)
            {
                // Table lock, then bucket lock: the only nesting of the two.
                result.Add((key, bucket.Available));
            }
        }

        return result;
    }
}
