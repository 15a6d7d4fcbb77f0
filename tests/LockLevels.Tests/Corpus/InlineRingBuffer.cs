using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Corpus.InlineRingBuffer;

[InlineArray(16)]
public struct Sixteen<T>
{
    private T _element;
}

/// <summary>A fixed-size ring of the last 16 values, stored inline (no array allocation).</summary>
public struct RecentValues<T>
{
    private Sixteen<T> _items;
    private int _next;
    private int _count;

    public readonly int Count => _count;

    public void Add(T value)
    {
        _items[_next] = value;
        _next = (_next + 1) % 16;
        _count = Math.Min(_count + 1, 16);
    }

    /// <summary>The i-th most recent value (0 = newest), by reference.</summary>
    [UnscopedRef]
    public ref T Recent(int i)
    {
        if ((uint)i >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(i));
        }

        return ref _items[(_next - 1 - i + 16) % 16];
    }

    public readonly T[] ToArray()
    {
        var result = new T[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _items[(_next - 1 - i + 16) % 16];
        }

        return result;
    }
}

/// <summary>A thread-safe holder of <see cref="RecentValues{T}"/>: the struct lives in a field and is mutated under a lock.</summary>
public sealed class RecentErrors
{
    private readonly object _gate = new();
    private RecentValues<string> _values;
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Report(Exception exception)
    {
        var line = $"{DateTime.UtcNow:HH:mm:ss} {exception.GetType().Name}: {exception.Message}";
        lock (_gate)
        {
            _values.Add(line);
        }

        Interlocked.Increment(ref _total);
    }

    public void Annotate(int recent, string note)
    {
        lock (_gate)
        {
            ref var entry = ref _values.Recent(recent);
            entry = $"{entry} [{note}]";
        }
    }

    public string[] Snapshot()
    {
        lock (_gate)
        {
            return _values.ToArray();
        }
    }
}

public static class RefHelpers
{
    public static ref T Largest<T>(Span<T> values) where T : IComparable<T>
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("empty", nameof(values));
        }

        ref T best = ref values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i].CompareTo(best) > 0)
            {
                best = ref values[i];
            }
        }

        return ref best;
    }

    public static ref readonly T ElementAtOrFirst<T>(ReadOnlySpan<T> values, int index)
        => ref (uint)index < (uint)values.Length ? ref values[index] : ref values[0];

    public static void Swap<T>(ref T left, ref T right) => (left, right) = (right, left);
}
