using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;

namespace Corpus.GenericConstraints;

public interface IEntity<TId> where TId : struct, IEquatable<TId>
{
    TId Id { get; }
    long Version { get; set; }
}

public sealed class ConcurrencyException(string message) : Exception(message);

/// <summary>An in-memory repository with optimistic concurrency, generic over entity and id.</summary>
public class InMemoryRepository<TEntity, TId>
    where TEntity : class, IEntity<TId>, ICloneable
    where TId : struct, IEquatable<TId>
{
    private readonly object _storeGate = new();
    private readonly Dictionary<TId, TEntity> _store = new();

    public virtual TEntity? Find(TId id)
    {
        lock (_storeGate)
        {
            return _store.TryGetValue(id, out var entity) ? (TEntity)entity.Clone() : null;
        }
    }

    public void Save(TEntity entity)
    {
        lock (_storeGate)
        {
            if (_store.TryGetValue(entity.Id, out var current) && current.Version != entity.Version)
            {
                throw new ConcurrencyException($"{typeof(TEntity).Name} {entity.Id}: version {entity.Version}, stored {current.Version}");
            }

            var copy = (TEntity)entity.Clone();
            copy.Version = entity.Version + 1;
            _store[entity.Id] = copy;
            entity.Version = copy.Version;
        }
    }

    public IReadOnlyList<TEntity> Query<TKey>(Func<TEntity, bool> predicate, Func<TEntity, TKey> orderBy) where TKey : IComparable<TKey>
    {
        lock (_storeGate)
        {
            return _store.Values.Where(predicate).OrderBy(orderBy).Select(e => (TEntity)e.Clone()).ToList();
        }
    }
}

public static class Statistics
{
    public static T Sum<T>(ReadOnlySpan<T> values) where T : INumber<T>
    {
        var total = T.Zero;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public static TResult Mean<T, TResult>(IReadOnlyCollection<T> values)
        where T : INumber<T>
        where TResult : INumber<TResult>, IDivisionOperators<TResult, TResult, TResult>
    {
        if (values.Count == 0)
        {
            return TResult.Zero;
        }

        var total = TResult.Zero;
        foreach (var value in values)
        {
            total += TResult.CreateChecked(value);
        }

        return total / TResult.CreateChecked(values.Count);
    }

    public static T Clamp<T>(T value, T min, T max) where T : IComparisonOperators<T, T, bool>
        => value < min ? min : value > max ? max : value;

    public static int SizeOf<T>() where T : unmanaged => System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}

/// <summary>A running total shared between threads, for any numeric type.</summary>
public sealed class SharedAccumulator<T> where T : struct, INumber<T>
{
    private readonly Lock _lock = new();
    private T _total = T.Zero;
    private T _max = T.Zero;
    private long _samples;

    public void Add(T sample)
    {
        lock (_lock)
        {
            _total += sample;
            _max = T.Max(_max, sample);
            _samples++;
        }
    }

    public (T Total, T Max, long Samples) Read()
    {
        lock (_lock)
        {
            return (_total, _max, _samples);
        }
    }
}

public sealed class Factory<T> where T : new()
{
    private static int s_created;

    public static int Created => Volatile.Read(ref s_created);

    public T Create()
    {
        Interlocked.Increment(ref s_created);
        return new T();
    }
}

public sealed class Customer : IEntity<Guid>, ICloneable
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public long Version { get; set; }
    public string Name { get; set; } = "";

    public object Clone() => MemberwiseClone();
}

public sealed class CustomerRepository : InMemoryRepository<Customer, Guid>
{
    public IReadOnlyList<Customer> ByName(string prefix) => Query(c => c.Name.StartsWith(prefix, StringComparison.Ordinal), c => c.Name);
}
