using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.TopologyRecovery;

/// <summary>
/// A client that records what it declared and declares it again after a reconnect. Recovery holds the
/// registry's semaphore throughout, and gives it back around every user callback (a handler may declare
/// or delete entities itself, which takes the semaphore), taking it again before it goes on.
/// </summary>
public sealed class RecoveringClient
{
    private readonly SemaphoreSlim _registryGate = new(1, 1);
    private readonly Dictionary<string, string> _queues = new();
    private readonly List<string> _exchanges = new();
    private readonly List<string> _consumers = new();

    public Func<string, Exception, Task>? ExchangeFailed { get; set; }

    public Func<string, string, Task>? QueueRenamed { get; set; }

    public Func<string, Task>? ConsumerRecovering { get; set; }

    public async ValueTask RecoverAsync(CancellationToken cancellationToken)
    {
        await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RecoverExchangesAsync(registryHeld: true, cancellationToken).ConfigureAwait(false);
            await RecoverQueuesAsync(registryHeld: true, cancellationToken).ConfigureAwait(false);
            await RecoverConsumersAsync(registryHeld: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _registryGate.Release();
        }
    }

    public ValueTask DeclareQueueAsync(string name, CancellationToken cancellationToken)
        => RecordQueueAsync(name, name, registryHeld: false, cancellationToken);

    private async ValueTask RecoverExchangesAsync(bool registryHeld, CancellationToken cancellationToken)
    {
        if (!registryHeld)
        {
            throw new InvalidOperationException("the registry must be held");
        }

        foreach (string exchange in _exchanges.ToArray())
        {
            try
            {
                await DeclareOnServerAsync(exchange, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ExchangeFailed != null)
            {
                try
                {
                    _registryGate.Release();
                    await ExchangeFailed(exchange, ex).ConfigureAwait(false);
                }
                finally
                {
                    await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task RecoverQueuesAsync(bool registryHeld, CancellationToken cancellationToken)
    {
        foreach (var (oldName, declared) in new List<KeyValuePair<string, string>>(_queues))
        {
            try
            {
                string newName = await DeclareOnServerAsync(declared, cancellationToken).ConfigureAwait(false);
                if (newName != oldName)
                {
                    await DeleteQueueAsync(oldName, registryHeld: registryHeld, cancellationToken).ConfigureAwait(false);
                    await RecordQueueAsync(newName, declared, registryHeld: registryHeld, cancellationToken).ConfigureAwait(false);
                    if (QueueRenamed != null)
                    {
                        try
                        {
                            _registryGate.Release();
                            await QueueRenamed(oldName, newName).ConfigureAwait(false);
                        }
                        finally
                        {
                            await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception ex) when (ExchangeFailed != null)
            {
                try
                {
                    _registryGate.Release();
                    await ExchangeFailed(oldName, ex).ConfigureAwait(false);
                }
                finally
                {
                    await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async ValueTask RecoverConsumersAsync(bool registryHeld, CancellationToken cancellationToken)
    {
        if (!registryHeld)
        {
            throw new InvalidOperationException("the registry must be held");
        }

        foreach (string consumer in _consumers.ToArray())
        {
            if (ConsumerRecovering != null)
            {
                try
                {
                    _registryGate.Release();
                    await ConsumerRecovering(consumer).ConfigureAwait(false);
                }
                finally
                {
                    await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await DeclareOnServerAsync(consumer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask RecordQueueAsync(string name, string declared, bool registryHeld, CancellationToken cancellationToken)
    {
        if (registryHeld)
        {
            _queues[name] = declared;
        }
        else
        {
            await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _queues[name] = declared;
            }
            finally
            {
                _registryGate.Release();
            }
        }
    }

    private async ValueTask DeleteQueueAsync(string name, bool registryHeld, CancellationToken cancellationToken)
    {
        if (registryHeld)
        {
            _queues.Remove(name);
        }
        else
        {
            await _registryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _queues.Remove(name);
            }
            finally
            {
                _registryGate.Release();
            }
        }
    }

    private static async Task<string> DeclareOnServerAsync(string name, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        return name;
    }
}
