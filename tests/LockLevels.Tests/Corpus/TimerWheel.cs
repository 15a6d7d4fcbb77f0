using System;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.TimerWheel;

public sealed class TimeoutHandle
{
    internal TimeoutHandle(long deadlineTick, Action callback)
    {
        DeadlineTick = deadlineTick;
        Callback = callback;
    }

    internal long DeadlineTick { get; }
    internal Action Callback { get; }
    internal LinkedListNode<TimeoutHandle>? Node { get; set; }

    private int _state;

    public bool IsCancelled => Volatile.Read(ref _state) == 2;

    internal bool TryFire() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

    internal bool TryCancel() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;
}

/// <summary>
/// A hashed timer wheel (as in Netty or Kafka): O(1) schedule and cancel; a tick advances the
/// wheel and fires everything due. The wheel lock is never held while callbacks run.
/// </summary>
public sealed class HashedTimerWheel : IDisposable
{
    private readonly object _wheelGate = new();
    private readonly LinkedList<TimeoutHandle>[] _buckets;
    private readonly TimeSpan _tickDuration;
    private readonly Timer _timer;
    private long _currentTick;
    private int _pending;

    public HashedTimerWheel(TimeSpan tickDuration, int wheelSize = 512)
    {
        _tickDuration = tickDuration;
        _buckets = new LinkedList<TimeoutHandle>[wheelSize];
        for (var i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new LinkedList<TimeoutHandle>();
        }

        _timer = new Timer(_ => Tick(), null, tickDuration, tickDuration);
    }

    public int Pending => Volatile.Read(ref _pending);

    public TimeoutHandle Schedule(TimeSpan delay, Action callback)
    {
        var ticks = Math.Max(1, (long)Math.Ceiling(delay / _tickDuration));
        lock (_wheelGate)
        {
            var handle = new TimeoutHandle(_currentTick + ticks, callback);
            handle.Node = _buckets[handle.DeadlineTick % _buckets.Length].AddLast(handle);
            _pending++;
            return handle;
        }
    }

    public bool Cancel(TimeoutHandle handle)
    {
        if (!handle.TryCancel())
        {
            return false;
        }

        lock (_wheelGate)
        {
            if (handle.Node?.List is { } list)
            {
                list.Remove(handle.Node);
                _pending--;
            }
        }

        return true;
    }

    internal void Tick()
    {
        List<TimeoutHandle>? due = null;
        lock (_wheelGate)
        {
            var tick = ++_currentTick;
            var bucket = _buckets[tick % _buckets.Length];
            for (var node = bucket.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.DeadlineTick <= tick)
                {
                    bucket.Remove(node);
                    _pending--;
                    (due ??= new List<TimeoutHandle>()).Add(node.Value);
                }

                node = next;
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var handle in due)
        {
            if (handle.TryFire())
            {
                try
                {
                    handle.Callback();
                }
                catch (Exception exception)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static e => Console.Error.WriteLine(e), exception, preferLocal: true);
                }
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
