using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.DisposablePatterns;

/// <summary>
/// The full dispose pattern over a native handle plus a managed stream, with a finalizer, an async
/// dispose, and a lock that makes Dispose idempotent and safe against concurrent writes.
/// </summary>
public class NativeBackedWriter : IDisposable, IAsyncDisposable
{
    private readonly object _writeGate = new();
    private IntPtr _scratch;
    private Stream? _stream;
    private bool _disposed;

    public NativeBackedWriter(Stream stream, int scratchSize = 4096)
    {
        _stream = stream;
        _scratch = Marshal.AllocHGlobal(scratchSize);
        ScratchSize = scratchSize;
    }

    ~NativeBackedWriter() => Dispose(disposing: false);

    public int ScratchSize { get; }

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream!.Write(data);
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Stream stream;
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            stream = _stream!;
        }

        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    protected virtual async ValueTask DisposeAsyncCore()
    {
        Stream? stream;
        lock (_writeGate)
        {
            stream = _stream;
            _stream = null;
        }

        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_writeGate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _stream?.Dispose();
                _stream = null;
            }
        }

        var scratch = Interlocked.Exchange(ref _scratch, IntPtr.Zero);
        if (scratch != IntPtr.Zero)
        {
            Marshal.FreeHGlobal(scratch);
        }
    }
}

public sealed class ChecksummingWriter(Stream stream) : NativeBackedWriter(stream)
{
    private readonly Lock _checksumLock = new();
    private uint _checksum;

    public uint Checksum
    {
        get
        {
            lock (_checksumLock)
            {
                return _checksum;
            }
        }
    }

    public void WriteChecked(ReadOnlySpan<byte> data)
    {
        Write(data);
        lock (_checksumLock)
        {
            foreach (var b in data)
            {
                _checksum = (_checksum << 5) + _checksum + b;
            }
        }
    }
}

public static class Usage
{
    public static async Task<uint> WriteAllAsync(string path, byte[][] chunks)
    {
        await using var file = File.Create(path);
        using var writer = new ChecksummingWriter(file);
        foreach (var chunk in chunks)
        {
            writer.WriteChecked(chunk);
        }

        using (var memory = new MemoryStream())
        await using (var second = new NativeBackedWriter(memory))
        {
            await second.WriteAsync(chunks.Length > 0 ? chunks[0] : ReadOnlyMemory<byte>.Empty);
        }

        return writer.Checksum;
    }
}
