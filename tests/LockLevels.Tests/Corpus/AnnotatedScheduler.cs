using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels;

// Two chains: a run queue and the timer list are each taken before a task's own lock, and are
// never nested with each other.
[assembly: LockHierarchy("Sched.RunQueue", "Sched.Task")]
[assembly: LockHierarchy("Sched.Timers", "Sched.Task")]

namespace Corpus.AnnotatedScheduler;

public enum TaskState
{
    Ready,
    Running,
    Sleeping,
    Done,
}

public sealed class SchedTask(int id, int priority)
{
    [Lock("Sched.Task")] public object Gate { get; } = new();

    public int Id { get; } = id;
    public int Priority { get; } = priority;
    public TaskState State { get; private set; } = TaskState.Ready;
    public long Runtime { get; private set; }

    [CalledWithLocksHeld("Sched.Task")]
    public void SetState(TaskState state) => State = state;

    [CalledWithLocksHeld("Sched.Task")]
    public void Charge(long ticks) => Runtime += ticks;
}

/// <summary>A priority run queue and a timer list, each with an async mutex; tasks have monitors.</summary>
public sealed class Scheduler
{
    [Lock("Sched.RunQueue")] private readonly SemaphoreSlim _runQueueLock = new(1, 1);
    [Lock("Sched.Timers")] private readonly SemaphoreSlim _timersLock = new(1, 1);
    private readonly PriorityQueue<SchedTask, int> _runQueue = new();
    private readonly SortedList<long, List<SchedTask>> _timers = new();
    private long _now;

    [MightAcquire("Sched.RunQueue", "Sched.Task")]
    public async Task<bool> EnqueueAsync(SchedTask task, TimeSpan timeout)
    {
        if (await _runQueueLock.WaitAsync(timeout).ConfigureAwait(false))
        {
            try
            {
                lock (task.Gate)
                {
                    task.SetState(TaskState.Ready);
                }

                _runQueue.Enqueue(task, -task.Priority);
                return true;
            }
            finally
            {
                _runQueueLock.Release();
            }
        }

        return false;
    }

    [MightAcquire("Sched.RunQueue", "Sched.Task")]
    public SchedTask? PickNext()
    {
        _runQueueLock.Wait();
        try
        {
            while (_runQueue.TryDequeue(out var task, out _))
            {
                lock (task.Gate)
                {
                    if (task.State == TaskState.Ready)
                    {
                        task.SetState(TaskState.Running);
                        return task;
                    }
                }
            }

            return null;
        }
        finally
        {
            _runQueueLock.Release();
        }
    }

    [MightAcquire("Sched.Task")]
    public void Run(SchedTask task, Func<SchedTask, long> body)
    {
        var ticks = body(task);
        Monitor.Enter(task.Gate);
        try
        {
            task.Charge(ticks);
            task.SetState(task.Runtime > 1_000_000 ? TaskState.Done : TaskState.Ready);
        }
        finally
        {
            Monitor.Exit(task.Gate);
        }
    }

    [MightAcquire("Sched.Timers", "Sched.Task")]
    public async Task SleepAsync(SchedTask task, long ticks, CancellationToken cancellationToken = default)
    {
        await _timersLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wakeAt = Interlocked.Read(ref _now) + ticks;
            if (!_timers.TryGetValue(wakeAt, out var sleepers))
            {
                _timers.Add(wakeAt, sleepers = new List<SchedTask>());
            }

            sleepers.Add(task);
            lock (task.Gate)
            {
                task.SetState(TaskState.Sleeping);
            }
        }
        finally
        {
            _timersLock.Release();
        }
    }

    /// <summary>Advances the clock; woken tasks are collected under the timers lock and queued after it is released.</summary>
    [MightAcquire("Sched.Timers", "Sched.RunQueue", "Sched.Task")]
    public async Task<int> TickAsync(long ticks)
    {
        var now = Interlocked.Add(ref _now, ticks);
        List<SchedTask> woken = new();
        await _timersLock.WaitAsync().ConfigureAwait(false);
        try
        {
            while (_timers.Count > 0 && _timers.Keys[0] <= now)
            {
                woken.AddRange(_timers.Values[0]);
                _timers.RemoveAt(0);
            }
        }
        finally
        {
            _timersLock.Release();
        }

        foreach (var task in woken)
        {
            await EnqueueAsync(task, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }

        return woken.Count;
    }

    /// <summary>Task states, read one task at a time (no queue lock held while yielding).</summary>
    [MightAcquire("Sched.Task")]
    public static IEnumerable<(int Id, TaskState State)> States(IEnumerable<SchedTask> tasks)
    {
        foreach (var task in tasks)
        {
            TaskState state;
            lock (task.Gate)
            {
                state = task.State;
            }

            yield return (task.Id, state);
        }
    }

    [MightAcquire("Sched.RunQueue")]
    public int RunnableCount()
    {
        return Locked(() => _runQueue.Count);

        int Locked(Func<int> read)
        {
            _runQueueLock.Wait();
            try
            {
                return read();
            }
            finally
            {
                _runQueueLock.Release();
            }
        }
    }

    public static IReadOnlyList<SchedTask> Spawn(int count) => Enumerable.Range(1, count).Select(id => new SchedTask(id, id % 5)).ToList();
}
