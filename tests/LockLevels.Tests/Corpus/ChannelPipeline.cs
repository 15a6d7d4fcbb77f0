using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Corpus.ChannelPipeline;

public sealed record RawLine(int Number, string Text);

public sealed record ParsedRecord(int Line, string Key, double Value);

public sealed record Aggregate(string Key, int Count, double Sum)
{
    public double Mean => Count == 0 ? 0 : Sum / Count;
}

/// <summary>A three-stage pipeline (parse, validate, aggregate) connected by bounded channels.</summary>
public sealed class LinePipeline
{
    private readonly Channel<RawLine> _raw = Channel.CreateBounded<RawLine>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = true,
    });

    private readonly Channel<ParsedRecord> _parsed = Channel.CreateUnbounded<ParsedRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _resultsGate = new();
    private readonly Dictionary<string, Aggregate> _results = new(StringComparer.Ordinal);
    private readonly List<string> _rejected = [];
    private int _parsedCount;

    public int ParsedCount => Volatile.Read(ref _parsedCount);

    public async Task<IReadOnlyDictionary<string, Aggregate>> RunAsync(IAsyncEnumerable<string> lines, int parsers = 4, CancellationToken cancellationToken = default)
    {
        var produce = ProduceAsync(lines, cancellationToken);
        var parse = Enumerable.Range(0, parsers).Select(_ => Task.Run(() => ParseAsync(cancellationToken), cancellationToken)).ToArray();
        var aggregate = AggregateAsync(cancellationToken);

        await produce.ConfigureAwait(false);
        await Task.WhenAll(parse).ConfigureAwait(false);
        _parsed.Writer.TryComplete();
        await aggregate.ConfigureAwait(false);

        lock (_resultsGate)
        {
            return new Dictionary<string, Aggregate>(_results);
        }
    }

    public IReadOnlyList<string> Rejected
    {
        get
        {
            lock (_resultsGate)
            {
                return _rejected.ToArray();
            }
        }
    }

    private async Task ProduceAsync(IAsyncEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var number = 0;
        try
        {
            await foreach (var line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await _raw.Writer.WriteAsync(new RawLine(++number, line), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _raw.Writer.TryComplete();
        }
    }

    private async Task ParseAsync(CancellationToken cancellationToken)
    {
        await foreach (var raw in _raw.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TryParse(raw, out var record))
            {
                Interlocked.Increment(ref _parsedCount);
                await _parsed.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                lock (_resultsGate)
                {
                    _rejected.Add($"line {raw.Number}: '{raw.Text}'");
                }
            }
        }
    }

    private static bool TryParse(RawLine raw, out ParsedRecord record)
    {
        var separator = raw.Text.IndexOf('=');
        if (separator > 0
            && double.TryParse(raw.Text.AsSpan(separator + 1).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && !double.IsNaN(value))
        {
            record = new ParsedRecord(raw.Number, raw.Text[..separator].Trim(), value);
            return true;
        }

        record = null!;
        return false;
    }

    private async Task AggregateAsync(CancellationToken cancellationToken)
    {
        var reader = _parsed.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var record))
            {
                lock (_resultsGate)
                {
                    _results[record.Key] = _results.TryGetValue(record.Key, out var current)
                        ? current with { Count = current.Count + 1, Sum = current.Sum + record.Value }
                        : new Aggregate(record.Key, 1, record.Value);
                }
            }
        }
    }
}
