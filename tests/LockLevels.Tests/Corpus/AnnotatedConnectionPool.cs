using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LockLevels;

// Outermost first: the registry of pools, one pool's state, one connection's state.
[assembly: LockHierarchy("ConnPool.Registry", "ConnPool.Pool", "ConnPool.Connection")]

namespace Corpus.AnnotatedConnectionPool;

public sealed class PooledConnection
{
    [Lock("ConnPool.Connection")] private readonly Lock _stateLock = new();
    private int _uses;
    private bool _broken;

    public Guid Id { get; } = Guid.NewGuid();

    public int MaxUses { get; init; } = 1_000;

    public bool IsUsable
    {
        [MightAcquire("ConnPool.Connection")]
        get
        {
            lock (_stateLock)
            {
                return !_broken && _uses < MaxUses;
            }
        }
    }

    [MightAcquire("ConnPool.Connection")]
    public void MarkUsed()
    {
        lock (_stateLock)
        {
            _uses++;
        }
    }

    [MightAcquire("ConnPool.Connection")]
    public void MarkBroken()
    {
        using (_stateLock.EnterScope())
        {
            _broken = true;
        }
    }
}

/// <summary>One pool: an async mutex (a one-slot semaphore) guards the idle stack and the lease set.</summary>
public sealed class Pool(string name, int maxIdle = 16)
{
    [Lock("ConnPool.Pool")] private readonly SemaphoreSlim _mutex = new(1, 1);
    private readonly Stack<PooledConnection> _idle = new();
    private readonly HashSet<Guid> _leased = new();

    public string Name { get; } = name;

    [MightAcquire("ConnPool.Pool", "ConnPool.Connection")]
    public async Task<PooledConnection> RentAsync(CancellationToken cancellationToken = default)
    {
        await _mutex.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (_idle.TryPop(out var candidate))
            {
                if (candidate.IsUsable)
                {
                    candidate.MarkUsed();
                    _leased.Add(candidate.Id);
                    return candidate;
                }
            }

            var created = new PooledConnection();
            created.MarkUsed();
            _leased.Add(created.Id);
            return created;
        }
        finally
        {
            _mutex.Release();
        }
    }

    [MightAcquire("ConnPool.Pool", "ConnPool.Connection")]
    public void Return(PooledConnection connection, bool failed = false)
    {
        if (!_mutex.Wait(TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException($"pool '{Name}' is stuck");
        }

        try
        {
            if (!_leased.Remove(connection.Id))
            {
                throw new InvalidOperationException("not leased from this pool");
            }

            if (failed)
            {
                connection.MarkBroken();
            }
            else if (_idle.Count < maxIdle)
            {
                _idle.Push(connection);
            }
        }
        finally
        {
            _mutex.Release();
        }
    }

    /// <summary>Drops idle connections; polls so that a cancelled shutdown does not hang on a busy pool.</summary>
    [MightAcquire("ConnPool.Pool")]
    public int Drain(CancellationToken cancellationToken)
    {
        while (!_mutex.Wait(100))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        try
        {
            var dropped = _idle.Count;
            _idle.Clear();
            return dropped;
        }
        finally
        {
            _mutex.Release();
        }
    }

    [MightAcquire("ConnPool.Pool")]
    public (int Idle, int Leased) Counts()
    {
        _mutex.Wait();
        try
        {
            return (_idle.Count, _leased.Count);
        }
        finally
        {
            _mutex.Release();
        }
    }
}

/// <summary>Pools by name. The registry lock is taken before any pool's mutex.</summary>
public sealed class PoolRegistry
{
    [Lock("ConnPool.Registry")] private readonly object _gate = new();
    private readonly Dictionary<string, Pool> _pools = new(StringComparer.OrdinalIgnoreCase);

    [MightAcquire("ConnPool.Registry")]
    public Pool GetOrCreate(string name)
    {
        lock (_gate)
        {
            if (!_pools.TryGetValue(name, out var pool))
            {
                pool = new Pool(name);
                _pools.Add(name, pool);
            }

            return pool;
        }
    }

    [MightAcquire("ConnPool.Registry", "ConnPool.Pool")]
    public IReadOnlyDictionary<string, (int Idle, int Leased)> Report()
    {
        var report = new Dictionary<string, (int, int)>();
        lock (_gate)
        {
            foreach (var (name, pool) in _pools)
            {
                report[name] = pool.Counts();
            }
        }

        return report;
    }

    [MightAcquire("ConnPool.Registry", "ConnPool.Pool", "ConnPool.Connection")]
    public async Task<int> ExecuteAsync(string poolName, Func<PooledConnection, Task<int>> work, CancellationToken cancellationToken = default)
    {
        var pool = GetOrCreate(poolName);
        var connection = await pool.RentAsync(cancellationToken).ConfigureAwait(false);
        var failed = false;
        try
        {
            return await work(connection).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            pool.Return(connection, failed);
        }
    }
}
