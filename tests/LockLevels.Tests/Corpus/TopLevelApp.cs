// A small console tool with top-level statements: it is its own program, so it is compiled
// alone (an executable) and left out of the all-in-one corpus compilation.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

var options = ParseArguments(args);
var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
var countsGate = new object();
var processed = 0;
var errors = new ConcurrentQueue<string>();

using var cancellation = new CancellationTokenSource(options.Timeout);
var words = Enumerable.Range(0, options.Lines).Select(i => $"line {i} alpha beta {(i % 3 == 0 ? "gamma" : "delta")}");

await Parallel.ForEachAsync(words, new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellation.Token }, async (line, token) =>
{
    await Task.Yield();
    try
    {
        foreach (var word in Tokenize(line))
        {
            lock (countsGate)
            {
                counts[word] = counts.TryGetValue(word, out var n) ? n + 1 : 1;
            }
        }

        Interlocked.Increment(ref processed);
    }
    catch (Exception exception)
    {
        errors.Enqueue($"{line}: {exception.Message}");
    }
});

KeyValuePair<string, int>[] top;
lock (countsGate)
{
    top = counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(options.Top).ToArray();
}

Console.WriteLine($"processed {processed} lines with {options.Workers} workers");
foreach (var (word, count) in top)
{
    Console.WriteLine($"{word,-12} {count,6}");
}

foreach (var error in errors)
{
    Console.Error.WriteLine(error);
}

return errors.IsEmpty ? 0 : 1;

static IEnumerable<string> Tokenize(string line)
{
    foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        if (!int.TryParse(part, out _))
        {
            yield return part.ToLowerInvariant();
        }
    }
}

static Options ParseArguments(string[] arguments)
{
    var options = new Options();
    for (var i = 0; i < arguments.Length; i++)
    {
        options = arguments[i] switch
        {
            "--workers" or "-w" when i + 1 < arguments.Length => options with { Workers = int.Parse(arguments[++i]) },
            "--lines" or "-n" when i + 1 < arguments.Length => options with { Lines = int.Parse(arguments[++i]) },
            "--top" when i + 1 < arguments.Length => options with { Top = int.Parse(arguments[++i]) },
            "--timeout" when i + 1 < arguments.Length => options with { Timeout = TimeSpan.FromSeconds(double.Parse(arguments[++i])) },
            var unknown => throw new ArgumentException($"unknown argument '{unknown}'"),
        };
    }

    return options;
}

internal sealed record Options
{
    public int Workers { get; init; } = Environment.ProcessorCount;
    public int Lines { get; init; } = 1_000;
    public int Top { get; init; } = 5;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
