using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ConnectionPool
{
    public interface IConnection : IAsyncDisposable
    {
        Guid Id { get; }
        bool IsHealthy { get; }
        ValueTask<int> ExecuteAsync(string command, CancellationToken cancellationToken);
    }

    public interface IConnectionFactory
    {
        ValueTask<IConnection> OpenAsync(CancellationToken cancellationToken);
    }

    /// <summary>A bounded pool: at most <c>maxSize</c> connections exist; renters wait on a semaphore.</summary>
    public sealed class ConnectionPool : IAsyncDisposable
    {
        private readonly IConnectionFactory _factory;
        private readonly SemaphoreSlim _slots;
        private readonly ConcurrentBag<IConnection> _idle = new();
        private readonly object _bookkeeping = new();
        private readonly HashSet<Guid> _leased = new();
        private int _created;
        private volatile bool _disposed;

        public ConnectionPool(IConnectionFactory factory, int maxSize)
        {
            _factory = factory ?? throw new ArgumentNullException(nameof(factory));
            _slots = new SemaphoreSlim(maxSize, maxSize);
            MaxSize = maxSize;
        }

        public int MaxSize { get; }

        public int Created => Volatile.Read(ref _created);

        public int Leased
        {
            get
            {
                lock (_bookkeeping)
                {
                    return _leased.Count;
                }
            }
        }

        public async ValueTask<Lease> RentAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!await _slots.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            {
                throw new TimeoutException($"No connection available within {timeout.TotalMilliseconds:0} ms (pool size {MaxSize}).");
            }

            try
            {
                var connection = await TakeIdleOrOpenAsync(cancellationToken).ConfigureAwait(false);
                lock (_bookkeeping)
                {
                    _leased.Add(connection.Id);
                }

                return new Lease(this, connection);
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        private async ValueTask<IConnection> TakeIdleOrOpenAsync(CancellationToken cancellationToken)
        {
            while (_idle.TryTake(out var idle))
            {
                if (idle.IsHealthy)
                {
                    return idle;
                }

                Interlocked.Decrement(ref _created);
                await idle.DisposeAsync().ConfigureAwait(false);
            }

            var opened = await _factory.OpenAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _created);
            return opened;
        }

        private void Return(IConnection connection)
        {
            lock (_bookkeeping)
            {
                if (!_leased.Remove(connection.Id))
                {
                    throw new InvalidOperationException("Connection returned twice.");
                }
            }

            if (_disposed)
            {
                _ = connection.DisposeAsync();
            }
            else
            {
                _idle.Add(connection);
            }

            _slots.Release();
        }

        public async ValueTask DisposeAsync()
        {
            _disposed = true;
            while (_idle.TryTake(out var connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>A rented connection; disposing it returns the connection to the pool.</summary>
        public readonly struct Lease : IDisposable
        {
            private readonly ConnectionPool _pool;

            internal Lease(ConnectionPool pool, IConnection connection)
            {
                _pool = pool;
                Connection = connection;
            }

            public IConnection Connection { get; }

            public void Dispose() => _pool?.Return(Connection);
        }
    }

    public static class ConnectionPoolExtensions
    {
        public static async Task<int> ExecuteWithRetryAsync(this ConnectionPool pool, string command, int attempts = 3, CancellationToken cancellationToken = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var lease = await pool.RentAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                try
                {
                    return await lease.Connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException) when (attempt < attempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
