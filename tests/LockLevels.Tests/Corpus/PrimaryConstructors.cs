using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace Corpus.PrimaryConstructors;

public sealed class RetryOptions
{
    public required int MaxAttempts { get; init; }
    public required TimeSpan BaseDelay { get; init; }
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlyList<Type> RetryOn { get; init; } = [typeof(TimeoutException), typeof(System.IO.IOException)];
}

public readonly struct Backoff(TimeSpan baseDelay, TimeSpan maxDelay, double jitter = 0.2)
{
    public TimeSpan Delay(int attempt, Random random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - jitter + random.NextDouble() * 2 * jitter));
    }
}

/// <summary>A retry policy with a circuit breaker; state changes happen under one lock.</summary>
public sealed class ResiliencePolicy(RetryOptions options, TimeProvider time, int breakAfter = 5)
{
    private readonly object _stateGate = new();
    private readonly Backoff _backoff = new(options.BaseDelay, options.MaxDelay);
    private readonly Random _random = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openUntil;

    public string Name { get; init; } = "default";

    public bool IsOpen
    {
        get
        {
            lock (_stateGate)
            {
                return _openUntil is { } until && until > time.GetUtcNow();
            }
        }
    }

    public T Execute<T>(Func<T> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (IsOpen)
            {
                throw new InvalidOperationException($"circuit '{Name}' is open");
            }

            try
            {
                var result = action();
                lock (_stateGate)
                {
                    _consecutiveFailures = 0;
                    _openUntil = null;
                }

                return result;
            }
            catch (Exception exception) when (ShouldRetry(exception, attempt))
            {
                TimeSpan delay;
                lock (_stateGate)
                {
                    delay = _backoff.Delay(attempt, _random);
                }

                Thread.Sleep(delay);
            }
        }
    }

    private bool ShouldRetry(Exception exception, int attempt)
    {
        lock (_stateGate)
        {
            if (++_consecutiveFailures >= breakAfter)
            {
                _openUntil = time.GetUtcNow() + options.MaxDelay;
            }
        }

        return attempt < options.MaxAttempts && options.RetryOn.Any(type => type.IsInstanceOfType(exception));
    }
}

public class Endpoint(string host, int port)
{
    public string Host { get; } = host;
    public int Port { get; } = port;
    public override string ToString() => $"{Host}:{Port}";
}

public sealed class TlsEndpoint(string host, int port, string certificateThumbprint) : Endpoint(host, port)
{
    public string Thumbprint => certificateThumbprint;
}

public sealed class EndpointSet(IEnumerable<Endpoint> initial)
{
    private readonly Lock _lock = new();
    private ImmutableArray<Endpoint> _endpoints = [.. initial];
    private int _next;

    public ImmutableArray<Endpoint> All => _endpoints;

    public Endpoint Next()
    {
        lock (_lock)
        {
            if (_endpoints is [])
            {
                throw new InvalidOperationException("no endpoints");
            }

            return _endpoints[_next++ % _endpoints.Length];
        }
    }

    public void Replace(params ReadOnlySpan<Endpoint> endpoints)
    {
        lock (_lock)
        {
            _endpoints = [.. endpoints];
            _next = 0;
        }
    }

    public static EndpointSet Defaults() => new([new Endpoint("localhost", 80), new TlsEndpoint("localhost", 443, "ab12"), .. Enumerable.Range(8000, 3).Select(p => new Endpoint("localhost", p))]);
}

public static class Collections
{
    public static int[] Primes { get; } = [2, 3, 5, 7, 11, 13];

    public static List<string> Merge(IEnumerable<string> first, ReadOnlySpan<string> second) => [.. first, .. second, "end"];

    public static Dictionary<string, int> Histogram(IEnumerable<string> words)
    {
        Dictionary<string, int> counts = [];
        foreach (var word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }
}
