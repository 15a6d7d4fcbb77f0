using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Corpus.MetricsAggregator
{
    public readonly record struct MetricKey(string Name, string? Tag = null)
    {
        public override string ToString() => Tag is null ? Name : $"{Name}{{{Tag}}}";
    }

    public sealed record MetricSummary(MetricKey Key, long Count, double Sum, double Min, double Max, double P50, double P99);

    /// <summary>
    /// Per-thread sample buffers (ThreadLocal) that flush into per-metric reservoirs; each reservoir
    /// has its own lock, and the registry is a ConcurrentDictionary. A flush holds one reservoir lock
    /// at a time.
    /// </summary>
    public sealed class MetricsAggregator : IDisposable
    {
        private sealed class Reservoir
        {
            public readonly object Gate = new();
            public readonly List<double> Samples = new();
            public long Count;
            public double Sum;
            public double Min = double.MaxValue;
            public double Max = double.MinValue;
        }

        private readonly ConcurrentDictionary<MetricKey, Reservoir> _reservoirs = new();
        private readonly ThreadLocal<List<(MetricKey Key, double Value)>> _local = new(() => new List<(MetricKey, double)>(64), trackAllValues: true);
        private readonly object _flushGate = new();
        private readonly int _flushThreshold;

        public MetricsAggregator(int flushThreshold = 64) => _flushThreshold = flushThreshold;

        public void Record(MetricKey key, double value)
        {
            var buffer = _local.Value!;
            lock (buffer)
            {
                // Uncontended except while Collect drains this thread's buffer.
                buffer.Add((key, value));
                if (buffer.Count >= _flushThreshold)
                {
                    Flush(buffer);
                }
            }
        }

        private void Flush(List<(MetricKey Key, double Value)> buffer)
        {
            foreach (var group in buffer.GroupBy(sample => sample.Key))
            {
                var reservoir = _reservoirs.GetOrAdd(group.Key, static _ => new Reservoir());
                lock (reservoir.Gate)
                {
                    foreach (var (_, value) in group)
                    {
                        reservoir.Samples.Add(value);
                        reservoir.Count++;
                        reservoir.Sum += value;
                        reservoir.Min = Math.Min(reservoir.Min, value);
                        reservoir.Max = Math.Max(reservoir.Max, value);
                    }
                }
            }

            buffer.Clear();
        }

        /// <summary>Flushes every thread's buffer and summarizes; one flush at a time.</summary>
        public IReadOnlyList<MetricSummary> Collect()
        {
            lock (_flushGate)
            {
                foreach (var buffer in _local.Values)
                {
                    lock (buffer)
                    {
                        Flush(buffer);
                    }
                }

                var summaries = new List<MetricSummary>(_reservoirs.Count);
                foreach (var (key, reservoir) in _reservoirs)
                {
                    lock (reservoir.Gate)
                    {
                        if (reservoir.Count == 0)
                        {
                            continue;
                        }

                        summaries.Add(Summarize(key, reservoir));
                        reservoir.Samples.Clear();
                        (reservoir.Count, reservoir.Sum, reservoir.Min, reservoir.Max) = (0, 0, double.MaxValue, double.MinValue);
                    }
                }

                return summaries;
            }
        }

        private static MetricSummary Summarize(MetricKey key, Reservoir reservoir)
        {
            var count = reservoir.Samples.Count;
            var sorted = ArrayPool<double>.Shared.Rent(count);
            try
            {
                reservoir.Samples.CopyTo(sorted);
                Array.Sort(sorted, 0, count);
                double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1)];
                return new MetricSummary(key, reservoir.Count, reservoir.Sum, reservoir.Min, reservoir.Max, Percentile(0.50), Percentile(0.99));
            }
            finally
            {
                ArrayPool<double>.Shared.Return(sorted);
            }
        }

        public void Dispose() => _local.Dispose();
    }
}
