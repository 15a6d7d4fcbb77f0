using System;
using System.Collections.Generic;
using System.Threading;
using LockLevels;

// Subscriptions are read (snapshotted) before anything is queued.
[assembly: LockHierarchy("Bus.Subscriptions", "Bus.Queue")]

namespace Corpus.AnnotatedEventBus
{
    public sealed record Message(string Topic, object Payload, DateTimeOffset At);

    /// <summary>
    /// A topic bus with a dispatcher thread. Written with explicit Monitor calls: Enter with a
    /// lockTaken flag, Wait/PulseAll for the queue, Exit in finally.
    /// </summary>
    public sealed class TopicBus : IDisposable
    {
        [Lock("Bus.Subscriptions")] private readonly object _subscriptionsGate = new();
        [Lock("Bus.Queue")] private readonly object _queueGate = new();
        private readonly Dictionary<string, List<Action<Message>>> _subscriptions = new(StringComparer.Ordinal);
        private readonly Queue<(Message Message, Action<Message>[] Handlers)> _queue = new();
        private readonly Thread _dispatcher;
        private bool _stopping;
        private int _dispatched;

        public TopicBus()
        {
            _dispatcher = new Thread(DispatchLoop) { IsBackground = true, Name = "bus-dispatcher" };
            _dispatcher.Start();
        }

        public int Dispatched => Volatile.Read(ref _dispatched);

        [MightAcquire("Bus.Subscriptions")]
        public IDisposable Subscribe(string topic, Action<Message> handler)
        {
            var taken = false;
            try
            {
                Monitor.Enter(_subscriptionsGate, ref taken);
                if (!_subscriptions.TryGetValue(topic, out var handlers))
                {
                    handlers = new List<Action<Message>>();
                    _subscriptions.Add(topic, handlers);
                }

                handlers.Add(handler);
            }
            finally
            {
                if (taken)
                {
                    Monitor.Exit(_subscriptionsGate);
                }
            }

            return new Unsubscriber(() =>
            {
                lock (_subscriptionsGate)
                {
                    if (_subscriptions.TryGetValue(topic, out var handlers))
                    {
                        handlers.Remove(handler);
                    }
                }
            });
        }

        [MightAcquire("Bus.Subscriptions", "Bus.Queue")]
        public int Publish(string topic, object payload)
        {
            Action<Message>[] handlers;
            lock (_subscriptionsGate)
            {
                handlers = _subscriptions.TryGetValue(topic, out var list) ? list.ToArray() : Array.Empty<Action<Message>>();
                if (handlers.Length == 0)
                {
                    return 0;
                }

                // Queued while the snapshot is current: subscriptions, then the queue.
                Enqueue(new Message(topic, payload, DateTimeOffset.UtcNow), handlers);
            }

            return handlers.Length;
        }

        private void Enqueue(Message message, Action<Message>[] handlers)
        {
            Monitor.Enter(_queueGate);
            try
            {
                _queue.Enqueue((message, handlers));
                Monitor.PulseAll(_queueGate);
            }
            finally
            {
                Monitor.Exit(_queueGate);
            }
        }

        private void DispatchLoop()
        {
            while (true)
            {
                (Message Message, Action<Message>[] Handlers) next;
                lock (_queueGate)
                {
                    while (_queue.Count == 0 && !_stopping)
                    {
                        Monitor.Wait(_queueGate);
                    }

                    if (_queue.Count == 0)
                    {
                        return;
                    }

                    next = _queue.Dequeue();
                }

                foreach (var handler in next.Handlers)
                {
                    SafeInvoke(handler, next.Message);
                }
            }

            void SafeInvoke(Action<Message> handler, Message message)
            {
                try
                {
                    handler(message);
                    Interlocked.Increment(ref _dispatched);
                }
                catch (Exception exception)
                {
                    Console.Error.WriteLine($"handler for '{message.Topic}' failed: {exception.Message}");
                }
            }
        }

        [MightAcquire("Bus.Queue")]
        public bool WaitUntilIdle(TimeSpan timeout)
        {
            if (!Monitor.TryEnter(_queueGate, timeout))
            {
                return false;
            }

            try
            {
                return _queue.Count == 0;
            }
            finally
            {
                Monitor.Exit(_queueGate);
            }
        }

        /// <summary>The queue length, or -1 when the dispatcher holds the queue for longer than <paramref name="timeout"/>.</summary>
        [MightAcquire("Bus.Queue")]
        public int PendingOrMinusOne(TimeSpan timeout)
        {
            var taken = false;
            try
            {
                Monitor.TryEnter(_queueGate, timeout, ref taken);
                return taken ? _queue.Count : -1;
            }
            finally
            {
                if (taken)
                {
                    Monitor.Exit(_queueGate);
                }
            }
        }

        [MightAcquire("Bus.Queue")]
        public void Dispose()
        {
            lock (_queueGate)
            {
                _stopping = true;
                Monitor.PulseAll(_queueGate);
            }

            _dispatcher.Join(TimeSpan.FromSeconds(5));
        }

        private sealed class Unsubscriber(Action unsubscribe) : IDisposable
        {
            private Action? _unsubscribe = unsubscribe;

            public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
        }
    }
}
