using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.EventBus
{
    public interface IEvent
    {
        DateTimeOffset OccurredAt { get; }
    }

    public abstract record EventBase : IEvent
    {
        public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
    }

    public sealed record OrderPlaced(Guid OrderId, decimal Total) : EventBase;

    public sealed record OrderShipped(Guid OrderId, string Carrier) : EventBase;

    public interface IHandler<in TEvent> where TEvent : IEvent
    {
        ValueTask HandleAsync(TEvent @event, CancellationToken cancellationToken);
    }

    /// <summary>
    /// An in-process publish/subscribe bus. Subscriptions are copy-on-write: publishing reads an
    /// immutable snapshot without a lock, and handlers never run under the bus lock.
    /// </summary>
    public sealed class InProcessEventBus
    {
        private readonly object _subscriptionsGate = new();
        private ImmutableDictionary<Type, ImmutableArray<Func<IEvent, CancellationToken, ValueTask>>> _handlers =
            ImmutableDictionary<Type, ImmutableArray<Func<IEvent, CancellationToken, ValueTask>>>.Empty;
        private long _published;
        private long _failures;

        public event EventHandler<Exception>? HandlerFailed;

        public long Published => Interlocked.Read(ref _published);

        public long Failures => Interlocked.Read(ref _failures);

        public IDisposable Subscribe<TEvent>(IHandler<TEvent> handler) where TEvent : class, IEvent
        {
            ArgumentNullException.ThrowIfNull(handler);
            Func<IEvent, CancellationToken, ValueTask> thunk = (e, ct) => handler.HandleAsync((TEvent)e, ct);
            lock (_subscriptionsGate)
            {
                var existing = _handlers.TryGetValue(typeof(TEvent), out var list) ? list : ImmutableArray<Func<IEvent, CancellationToken, ValueTask>>.Empty;
                _handlers = _handlers.SetItem(typeof(TEvent), existing.Add(thunk));
            }

            return new Subscription(this, typeof(TEvent), thunk);
        }

        public IDisposable Subscribe<TEvent>(Action<TEvent> handler) where TEvent : class, IEvent
            => Subscribe(new DelegateHandler<TEvent>(handler));

        private void Unsubscribe(Type eventType, Func<IEvent, CancellationToken, ValueTask> thunk)
        {
            lock (_subscriptionsGate)
            {
                if (_handlers.TryGetValue(eventType, out var list))
                {
                    var remaining = list.Remove(thunk);
                    _handlers = remaining.IsEmpty ? _handlers.Remove(eventType) : _handlers.SetItem(eventType, remaining);
                }
            }
        }

        public async Task PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken = default) where TEvent : class, IEvent
        {
            Interlocked.Increment(ref _published);
            var snapshot = Volatile.Read(ref _handlers);
            var matching = snapshot
                .Where(pair => pair.Key.IsAssignableFrom(@event.GetType()))
                .SelectMany(pair => pair.Value)
                .ToArray();

            foreach (var handler in matching)
            {
                try
                {
                    await handler(@event, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Interlocked.Increment(ref _failures);
                    HandlerFailed?.Invoke(this, exception);
                }
            }
        }

        private sealed class Subscription(InProcessEventBus bus, Type eventType, Func<IEvent, CancellationToken, ValueTask> thunk) : IDisposable
        {
            private int _disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    bus.Unsubscribe(eventType, thunk);
                }
            }
        }

        private sealed class DelegateHandler<TEvent>(Action<TEvent> action) : IHandler<TEvent> where TEvent : IEvent
        {
            public ValueTask HandleAsync(TEvent @event, CancellationToken cancellationToken)
            {
                action(@event);
                return ValueTask.CompletedTask;
            }
        }
    }

    public sealed class ShippingProjection : IHandler<OrderShipped>
    {
        private readonly object _gate = new();
        private readonly Dictionary<Guid, string> _carriers = new();

        public ValueTask HandleAsync(OrderShipped @event, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _carriers[@event.OrderId] = @event.Carrier;
            }

            return default;
        }

        public string? CarrierOf(Guid orderId)
        {
            lock (_gate)
            {
                return _carriers.GetValueOrDefault(orderId);
            }
        }
    }
}
