using System;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.InterlockedCounters;

/// <summary>A Treiber stack: lock-free push and pop with compare-and-swap.</summary>
public sealed class LockFreeStack<T>
{
    private sealed class Node(T value, Node? next)
    {
        public readonly T Value = value;
        public readonly Node? Next = next;
    }

    private Node? _top;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Push(T value)
    {
        var spinner = new SpinWait();
        while (true)
        {
            var top = Volatile.Read(ref _top);
            if (Interlocked.CompareExchange(ref _top, new Node(value, top), top) == top)
            {
                Interlocked.Increment(ref _count);
                return;
            }

            spinner.SpinOnce();
        }
    }

    public bool TryPop(out T value)
    {
        var spinner = new SpinWait();
        while (true)
        {
            var top = Volatile.Read(ref _top);
            if (top is null)
            {
                value = default!;
                return false;
            }

            if (Interlocked.CompareExchange(ref _top, top.Next, top) == top)
            {
                Interlocked.Decrement(ref _count);
                value = top.Value;
                return true;
            }

            spinner.SpinOnce();
        }
    }
}

/// <summary>Striped counters: each thread bumps its own cache line, readers sum them.</summary>
public sealed class StripedCounter
{
    private const int Padding = 16;
    private readonly long[] _cells = new long[Environment.ProcessorCount * Padding];

    public void Increment(long by = 1)
    {
        var stripe = (Environment.CurrentManagedThreadId % Environment.ProcessorCount) * Padding;
        Interlocked.Add(ref _cells[stripe], by);
    }

    public long Sum()
    {
        long total = 0;
        for (var i = 0; i < _cells.Length; i += Padding)
        {
            total += Interlocked.Read(ref _cells[i]);
        }

        return total;
    }
}

/// <summary>Once-only initialization and a spin-locked histogram.</summary>
public sealed class LatencyHistogram
{
    private static readonly long[] s_boundsMicros = [50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];
    private readonly long[] _buckets = new long[s_boundsMicros.Length + 1];
    private SpinLock _spin = new(enableThreadOwnerTracking: false);
    private long _max;
    private int _frozen;

    public void Record(TimeSpan latency)
    {
        if (Volatile.Read(ref _frozen) != 0)
        {
            return;
        }

        var micros = (long)latency.TotalMicroseconds;
        var index = Array.BinarySearch(s_boundsMicros, micros);
        Interlocked.Increment(ref _buckets[index < 0 ? ~index : index]);

        long observed;
        do
        {
            observed = Interlocked.Read(ref _max);
            if (micros <= observed)
            {
                break;
            }
        }
        while (Interlocked.CompareExchange(ref _max, micros, observed) != observed);
    }

    public bool Freeze() => Interlocked.Exchange(ref _frozen, 1) == 0;

    public IReadOnlyList<(string Bucket, long Count)> Snapshot()
    {
        var taken = false;
        try
        {
            _spin.Enter(ref taken);
            var result = new List<(string, long)>(_buckets.Length);
            for (var i = 0; i < _buckets.Length; i++)
            {
                var label = i < s_boundsMicros.Length ? $"<= {s_boundsMicros[i]} us" : $"> {s_boundsMicros[^1]} us";
                result.Add((label, Interlocked.Read(ref _buckets[i])));
            }

            return result;
        }
        finally
        {
            if (taken)
            {
                _spin.Exit(useMemoryBarrier: false);
            }
        }
    }

    public long MaxMicros => Interlocked.Read(ref _max);
}

public static class SequenceNumbers
{
    private static long s_next;
    private static int s_initialized;
    private static string? s_prefix;

    public static string Next()
    {
        if (Interlocked.CompareExchange(ref s_initialized, 1, 0) == 0)
        {
            Volatile.Write(ref s_prefix, $"n{Environment.ProcessId}-");
        }

        SpinWait.SpinUntil(() => Volatile.Read(ref s_prefix) is not null);
        return s_prefix + Interlocked.Increment(ref s_next).ToString("D8");
    }
}
