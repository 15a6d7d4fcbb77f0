using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ConfigurationReloader
{
    public sealed record ConfigurationSnapshot(long Version, FrozenDictionary<string, string> Values, DateTimeOffset LoadedAt)
    {
        public string? this[string key] => Values.TryGetValue(key, out var value) ? value : null;

        public T Get<T>(string key, T fallback) where T : IParsable<T>
            => this[key] is { } text && T.TryParse(text, null, out var parsed) ? parsed : fallback;
    }

    public interface IConfigurationSource
    {
        ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken);
    }

    /// <summary>
    /// Readers get the current snapshot with one volatile read; a reload builds the next snapshot
    /// off-lock and publishes it under the writer lock, which serializes reloads and listeners.
    /// </summary>
    public sealed class ReloadingConfiguration : IDisposable
    {
        private readonly SemaphoreSlim _reloadGate = new(1, 1);
        private readonly object _listenersGate = new();
        private readonly IConfigurationSource _source;
        private readonly List<Action<ConfigurationSnapshot>> _listeners = new();
        private ConfigurationSnapshot _current = new(0, FrozenDictionary<string, string>.Empty, DateTimeOffset.MinValue);
        private CancellationTokenSource _changeToken = new();

        public ReloadingConfiguration(IConfigurationSource source) => _source = source;

        public ConfigurationSnapshot Current => Volatile.Read(ref _current);

        public CancellationToken ChangeToken => Volatile.Read(ref _changeToken).Token;

        public IDisposable OnChange(Action<ConfigurationSnapshot> listener)
        {
            lock (_listenersGate)
            {
                _listeners.Add(listener);
            }

            return new Unsubscriber(this, listener);
        }

        public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
        {
            if (!await _reloadGate.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            try
            {
                var values = await _source.LoadAsync(cancellationToken).ConfigureAwait(false);
                var previous = Current;
                if (previous.Values.Count == values.Count && AllEqual(previous.Values, values))
                {
                    return false;
                }

                var next = new ConfigurationSnapshot(previous.Version + 1, values.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow);
                Volatile.Write(ref _current, next);

                var oldToken = Interlocked.Exchange(ref _changeToken, new CancellationTokenSource());
                await oldToken.CancelAsync().ConfigureAwait(false);
                oldToken.Dispose();

                Action<ConfigurationSnapshot>[] listeners;
                lock (_listenersGate)
                {
                    listeners = _listeners.ToArray();
                }

                foreach (var listener in listeners)
                {
                    listener(next);
                }

                return true;
            }
            finally
            {
                _reloadGate.Release();
            }
        }

        private static bool AllEqual(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
        {
            foreach (var (key, value) in right)
            {
                if (!left.TryGetValue(key, out var existing) || existing != value)
                {
                    return false;
                }
            }

            return true;
        }

        public void Dispose()
        {
            _reloadGate.Dispose();
            _changeToken.Dispose();
        }

        private sealed class Unsubscriber(ReloadingConfiguration owner, Action<ConfigurationSnapshot> listener) : IDisposable
        {
            public void Dispose()
            {
                lock (owner._listenersGate)
                {
                    owner._listeners.Remove(listener);
                }
            }
        }
    }

    public sealed class PollingReloader(ReloadingConfiguration configuration, TimeSpan interval) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task? _loop;

        public void Start() => _loop ??= Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await configuration.ReloadAsync(_stop.Token).ConfigureAwait(false);
            }
        });

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            if (_loop is not null)
            {
                try
                {
                    await _loop.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            _stop.Dispose();
        }
    }
}
