using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.AsyncStreams
{
    public sealed record LogEntry(long Offset, DateTimeOffset Timestamp, string Message);

    /// <summary>
    /// An append-only log that readers tail as an async stream. Appends take the log lock and
    /// signal waiting tailers by completing a shared TaskCompletionSource.
    /// </summary>
    public sealed class TailableLog
    {
        private readonly object _appendGate = new();
        private readonly List<LogEntry> _entries = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _sealed;

        public long Append(string message)
        {
            TaskCompletionSource toSignal;
            long offset;
            lock (_appendGate)
            {
                if (_sealed)
                {
                    throw new InvalidOperationException("the log is sealed");
                }

                offset = _entries.Count;
                _entries.Add(new LogEntry(offset, DateTimeOffset.UtcNow, message));
                toSignal = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            toSignal.TrySetResult();
            return offset;
        }

        public void Seal()
        {
            TaskCompletionSource toSignal;
            lock (_appendGate)
            {
                _sealed = true;
                toSignal = _changed;
            }

            toSignal.TrySetResult();
        }

        public async IAsyncEnumerable<LogEntry> TailAsync(long from = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var next = from;
            while (true)
            {
                LogEntry[] batch;
                Task changed;
                bool isSealed;
                lock (_appendGate)
                {
                    var available = (int)Math.Max(0, _entries.Count - next);
                    batch = available == 0 ? Array.Empty<LogEntry>() : _entries.GetRange((int)next, available).ToArray();
                    changed = _changed.Task;
                    isSealed = _sealed;
                }

                foreach (var entry in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return entry;
                    next = entry.Offset + 1;
                }

                if (batch.Length == 0)
                {
                    if (isSealed)
                    {
                        yield break;
                    }

                    await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public static class AsyncEnumerableExtensions
    {
        public static async IAsyncEnumerable<TResult> SelectAwait<TSource, TResult>(
            this IAsyncEnumerable<TSource> source,
            Func<TSource, CancellationToken, ValueTask<TResult>> selector,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return await selector(item, cancellationToken).ConfigureAwait(false);
            }
        }

        public static async IAsyncEnumerable<T> Where<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                if (predicate(item))
                {
                    yield return item;
                }
            }
        }

        public static async ValueTask<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, int limit = int.MaxValue, CancellationToken cancellationToken = default)
        {
            var list = new List<T>();
            await using var enumerator = source.GetAsyncEnumerator(cancellationToken);
            while (list.Count < limit && await enumerator.MoveNextAsync())
            {
                list.Add(enumerator.Current);
            }

            return list;
        }

        public static async IAsyncEnumerable<int> Ticks(TimeSpan period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            using var timer = new PeriodicTimer(period);
            var tick = 0;
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return ++tick;
            }
        }
    }

    public static class Demo
    {
        public static async Task<int> CountErrorsAsync(TailableLog log, CancellationToken cancellationToken)
        {
            var count = 0;
            await foreach (var entry in log.TailAsync(cancellationToken: cancellationToken).Where(e => e.Message.Contains("error", StringComparison.OrdinalIgnoreCase)))
            {
                count++;
            }

            return count;
        }
    }
}
