using System;
using System.Collections.Generic;
using System.Threading;
using LockLevels;

// The lease table, then one lease's renewal lock.
[assembly: LockHierarchy("Lease.Table", "Lease.Entry")]

namespace Corpus.AnnotatedLeaseManager;

public sealed class Lease(string resource, string owner, DateTimeOffset expires)
{
    [Lock("Lease.Entry")] internal readonly object Gate = new();

    public string Resource { get; } = resource;
    public string Owner { get; } = owner;
    public DateTimeOffset Expires { get; internal set; } = expires;
}

/// <summary>
/// Distributed-lock style leases on named resources, written in the "is false / is not null"
/// pattern style: the table is a reader-writer lock, each lease has a monitor for renewals.
/// </summary>
public sealed class LeaseManager(TimeProvider time)
{
    [Lock("Lease.Table")] private readonly ReaderWriterLockSlim _table = new();
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    [MightAcquire("Lease.Table")]
    public Lease? TryAcquire(string resource, string owner, TimeSpan duration, TimeSpan wait)
    {
        if (_table.TryEnterWriteLock(wait) is false)
        {
            return null;
        }

        try
        {
            var now = time.GetUtcNow();
            if (_leases.TryGetValue(resource, out var current) && current.Expires > now && current.Owner != owner)
            {
                return null;
            }

            var lease = new Lease(resource, owner, now + duration);
            _leases[resource] = lease;
            return lease;
        }
        finally
        {
            _table.ExitWriteLock();
        }
    }

    [MightAcquire("Lease.Table", Shared = true)]
    [MightAcquire("Lease.Entry")]
    public bool Renew(string resource, string owner, TimeSpan duration)
    {
        _table.EnterReadLock();
        try
        {
            if (_leases.TryGetValue(resource, out var lease) is false || lease.Owner != owner)
            {
                return false;
            }

            lock (lease.Gate)
            {
                var now = time.GetUtcNow();
                if (lease.Expires <= now)
                {
                    return false;
                }

                lease.Expires = now + duration;
                return true;
            }
        }
        finally
        {
            _table.ExitReadLock();
        }
    }

    [MightAcquire("Lease.Table")]
    public bool Release(string resource, string owner)
    {
        _table.EnterWriteLock();
        try
        {
            return _leases.TryGetValue(resource, out var lease) && lease.Owner == owner && _leases.Remove(resource);
        }
        finally
        {
            _table.ExitWriteLock();
        }
    }

    [MightAcquire("Lease.Table", Shared = true)]
    public IReadOnlyList<string> Held(string owner)
    {
        var held = new List<string>();
        _table.EnterReadLock();
        try
        {
            var now = time.GetUtcNow();
            foreach (var lease in _leases.Values)
            {
                if (lease is { Owner: var o, Expires: var expires } && o == owner && expires > now)
                {
                    held.Add(lease.Resource);
                }
            }
        }
        finally
        {
            _table.ExitReadLock();
        }

        return held;
    }
}
