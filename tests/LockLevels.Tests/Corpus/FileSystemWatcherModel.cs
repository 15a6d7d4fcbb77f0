using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace Corpus.FileSystemWatcherModel;

[Flags]
public enum ChangeKind
{
    None = 0,
    Created = 1,
    Changed = 2,
    Deleted = 4,
    Renamed = 8,
}

public abstract record FileChange(string Path, DateTime At)
{
    public abstract ChangeKind Kind { get; }
}

public sealed record Created(string Path, DateTime At, long Length) : FileChange(Path, At)
{
    public override ChangeKind Kind => ChangeKind.Created;
}

public sealed record Modified(string Path, DateTime At, long OldLength, long NewLength) : FileChange(Path, At)
{
    public override ChangeKind Kind => ChangeKind.Changed;
}

public sealed record Deleted(string Path, DateTime At) : FileChange(Path, At)
{
    public override ChangeKind Kind => ChangeKind.Deleted;
}

public sealed record Renamed(string OldPath, string Path, DateTime At) : FileChange(Path, At)
{
    public override ChangeKind Kind => ChangeKind.Renamed;
}

/// <summary>
/// A model of a debounced file-system watcher: raw notifications are coalesced per path and
/// delivered in one batch once the directory has been quiet for the debounce interval.
/// </summary>
public sealed class DebouncedWatcher : IDisposable
{
    private readonly Dictionary<string, FileChange> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly Timer _timer;
    private readonly TimeSpan _debounce;
    private readonly Func<string, bool> _filter;
    private bool _disposed;

    public DebouncedWatcher(TimeSpan debounce, string pattern = "*")
    {
        _debounce = debounce;
        _filter = pattern == "*" ? static _ => true : path => Path.GetFileName(path).EndsWith(pattern.TrimStart('*'), StringComparison.OrdinalIgnoreCase);
        _timer = new Timer(static state => ((DebouncedWatcher)state!).Flush(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public event Action<IReadOnlyList<FileChange>>? BatchReady;

    public int PendingCount
    {
        get
        {
            lock (this)
            {
                return _pending.Count;
            }
        }
    }

    public void Notify(FileChange change)
    {
        if (!_filter(change.Path))
        {
            return;
        }

        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            _pending[change.Path] = _pending.TryGetValue(change.Path, out var previous) ? Coalesce(previous, change) : change;
            if (change is Renamed { OldPath: var oldPath })
            {
                _pending.Remove(oldPath);
            }

            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Two notifications for one path become the one a reader of the batch needs to see.</summary>
    private static FileChange Coalesce(FileChange earlier, FileChange later) => (earlier, later) switch
    {
        (Created c, Modified m) => c with { Length = m.NewLength, At = m.At },
        (Created, Deleted) => later,
        (Modified m1, Modified m2) => m2 with { OldLength = m1.OldLength },
        (Deleted, Created c) => new Modified(c.Path, c.At, 0, c.Length),
        (_, Renamed or Deleted) => later,
        _ => later,
    };

    private void Flush()
    {
        FileChange[] batch;
        lock (this)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending.Values.OrderBy(change => change.At).ToArray();
            _pending.Clear();
        }

        BatchReady?.Invoke(batch);
    }

    public static string Describe(FileChange change) => change switch
    {
        Created { Length: 0 } c => $"created empty {c.Path}",
        Created c => $"created {c.Path} ({c.Length:N0} bytes)",
        Modified { NewLength: var n, OldLength: var o } m when n > o => $"grew {m.Path} by {n - o} bytes",
        Modified m => $"changed {m.Path}",
        Deleted d => $"deleted {d.Path}",
        Renamed r => $"renamed {r.OldPath} -> {r.Path}",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    public void Dispose()
    {
        lock (this)
        {
            _disposed = true;
            _pending.Clear();
        }

        _timer.Dispose();
    }
}
