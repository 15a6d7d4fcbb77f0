using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ProducerConsumer;

/// <summary>
/// A bounded async queue built from two semaphores (free slots, filled slots) and a small lock
/// around the buffer. Waits happen before the buffer lock is taken; the lock is never held across
/// an await.
/// </summary>
public sealed class AsyncBoundedQueue<T> : IDisposable
{
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _filled = new(0);
    private readonly object _bufferGate = new();
    private readonly Queue<T> _buffer;
    private bool _completed;

    public AsyncBoundedQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _free = new SemaphoreSlim(capacity, capacity);
        _buffer = new Queue<T>(capacity);
    }

    public async ValueTask EnqueueAsync(T item, CancellationToken cancellationToken = default)
    {
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_bufferGate)
        {
            if (_completed)
            {
                _free.Release();
                throw new InvalidOperationException("the queue is completed");
            }

            _buffer.Enqueue(item);
        }

        _filled.Release();
    }

    public bool TryEnqueue(T item)
    {
        if (!_free.Wait(0))
        {
            return false;
        }

        lock (_bufferGate)
        {
            _buffer.Enqueue(item);
        }

        _filled.Release();
        return true;
    }

    public async ValueTask<(bool Ok, T Item)> DequeueAsync(CancellationToken cancellationToken = default)
    {
        await _filled.WaitAsync(cancellationToken).ConfigureAwait(false);
        T item;
        lock (_bufferGate)
        {
            if (_buffer.Count == 0)
            {
                // Completion released a filled slot with nothing behind it: pass it on.
                _filled.Release();
                return (false, default!);
            }

            item = _buffer.Dequeue();
        }

        _free.Release();
        return (true, item);
    }

    public void Complete()
    {
        lock (_bufferGate)
        {
            _completed = true;
        }

        _filled.Release();
    }

    public void Dispose()
    {
        _free.Dispose();
        _filled.Dispose();
    }
}

public static class Workers
{
    public static async Task<long> RunAsync(int producers, int consumers, int itemsPerProducer, CancellationToken cancellationToken = default)
    {
        using var queue = new AsyncBoundedQueue<int>(capacity: 32);
        long total = 0;

        async Task Produce(int id)
        {
            for (var i = 0; i < itemsPerProducer; i++)
            {
                await queue.EnqueueAsync(id * itemsPerProducer + i, cancellationToken).ConfigureAwait(false);
            }
        }

        async Task Consume()
        {
            while (true)
            {
                var (ok, item) = await queue.DequeueAsync(cancellationToken).ConfigureAwait(false);
                if (!ok)
                {
                    return;
                }

                Interlocked.Add(ref total, item);
            }
        }

        var producing = new List<Task>();
        for (var p = 0; p < producers; p++)
        {
            producing.Add(Produce(p));
        }

        var consuming = new List<Task>();
        for (var c = 0; c < consumers; c++)
        {
            consuming.Add(Task.Run(Consume, cancellationToken));
        }

        await Task.WhenAll(producing).ConfigureAwait(false);
        queue.Complete();
        await Task.WhenAll(consuming).ConfigureAwait(false);
        return Interlocked.Read(ref total);
    }
}
