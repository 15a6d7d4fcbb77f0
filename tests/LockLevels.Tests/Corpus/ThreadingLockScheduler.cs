using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ThreadingLockScheduler;

public sealed record ScheduledJob(Guid Id, string Name, DateTimeOffset DueAt, Func<CancellationToken, Task> Work)
{
    public int Attempts { get; init; }
}

/// <summary>
/// A delayed-job scheduler built on C# 13's <see cref="Lock"/>: the queue lock, then the
/// statistics lock, always in that order. Jobs run outside both.
/// </summary>
public sealed class JobScheduler : IAsyncDisposable
{
    private readonly Lock _queueLock = new();
    private readonly Lock _statsLock = new();
    private readonly PriorityQueue<ScheduledJob, DateTimeOffset> _queue = new();
    private readonly HashSet<Guid> _cancelled = [];
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly SemaphoreSlim _wakeUp = new(0);
    private int _succeeded, _failed;

    public JobScheduler(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _loop = Task.Run(RunAsync);
    }

    public (int Succeeded, int Failed, int Queued) Stats
    {
        get
        {
            lock (_queueLock)
            {
                lock (_statsLock)
                {
                    return (_succeeded, _failed, _queue.Count);
                }
            }
        }
    }

    public Guid Schedule(string name, TimeSpan delay, Func<CancellationToken, Task> work)
    {
        var job = new ScheduledJob(Guid.NewGuid(), name, _time.GetUtcNow() + delay, work);
        lock (_queueLock)
        {
            _queue.Enqueue(job, job.DueAt);
        }

        _wakeUp.Release();
        return job.Id;
    }

    public bool Cancel(Guid id)
    {
        using (_queueLock.EnterScope())
        {
            return _cancelled.Add(id);
        }
    }

    private bool TryTakeDue(out ScheduledJob? job, out TimeSpan wait)
    {
        _queueLock.Enter();
        try
        {
            while (_queue.TryPeek(out var next, out var due))
            {
                if (_cancelled.Remove(next.Id))
                {
                    _queue.Dequeue();
                    continue;
                }

                var now = _time.GetUtcNow();
                if (due <= now)
                {
                    job = _queue.Dequeue();
                    wait = TimeSpan.Zero;
                    return true;
                }

                job = null;
                wait = due - now;
                return false;
            }

            job = null;
            wait = Timeout.InfiniteTimeSpan;
            return false;
        }
        finally
        {
            _queueLock.Exit();
        }
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            if (!TryTakeDue(out var job, out var wait))
            {
                try
                {
                    await _wakeUp.WaitAsync(wait, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            try
            {
                await job!.Work(token).ConfigureAwait(false);
                lock (_statsLock)
                {
                    _succeeded++;
                }
            }
            catch (Exception) when (job!.Attempts < 3)
            {
                lock (_queueLock)
                {
                    var retry = job with { Attempts = job.Attempts + 1, DueAt = _time.GetUtcNow().AddSeconds(1 << job.Attempts) };
                    _queue.Enqueue(retry, retry.DueAt);
                    lock (_statsLock)
                    {
                        _failed++;
                    }
                }
            }
            catch (Exception)
            {
                if (_statsLock.TryEnter())
                {
                    try
                    {
                        _failed++;
                    }
                    finally
                    {
                        _statsLock.Exit();
                    }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
        _wakeUp.Dispose();
    }
}
