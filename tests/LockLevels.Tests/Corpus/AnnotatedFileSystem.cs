using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LockLevels;

// A VFS in miniature: freeze protection, the inode lock (i_rwsem), a folio's lock, the backing store.
[assembly: LockHierarchy("Vfs.SbWriters", "Vfs.Inode", "Vfs.Folio", "Vfs.Backing")]

namespace Corpus.AnnotatedFileSystem
{
    public sealed class SuperBlock
    {
        [Lock("Vfs.SbWriters")] private readonly ReaderWriterLockSlim _freeze = new(LockRecursionPolicy.SupportsRecursion);
        private int _writers;

        public int Writers => Volatile.Read(ref _writers);

        /// <summary>sb_start_write: shared, held until the returned scope is disposed.</summary>
        [Acquires("Vfs.SbWriters", Shared = true)]
        public IDisposable StartWrite()
        {
            _freeze.EnterReadLock();
            Interlocked.Increment(ref _writers);
            return new WriteScope(this);
        }

        /// <summary>freeze_super: exclusive, waits for every writer to finish.</summary>
        [Acquires("Vfs.SbWriters")]
        public IDisposable Freeze()
        {
            _freeze.EnterWriteLock();
            return new FreezeScope(this);
        }

        private sealed class WriteScope(SuperBlock sb) : IDisposable
        {
            private int _disposed;

            [Releases("Vfs.SbWriters")]
            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    Interlocked.Decrement(ref sb._writers);
                    sb._freeze.ExitReadLock();
                }
            }
        }

        private sealed class FreezeScope(SuperBlock sb) : IDisposable
        {
            [Releases("Vfs.SbWriters")]
            public void Dispose() => sb._freeze.ExitWriteLock();
        }
    }

    public sealed class Folio(long index, int size)
    {
        [Lock("Vfs.Folio")] public readonly object Gate = new();

        public long Index { get; } = index;
        public byte[] Data { get; } = new byte[size];
        public bool Uptodate { get; set; }
        public bool Dirty { get; set; }
    }

    public sealed class Inode(long number)
    {
        /// <summary>i_rwsem, as an async mutex.</summary>
        [Lock("Vfs.Inode")] public readonly SemaphoreSlim Lock = new(1, 1);
        private readonly ConcurrentDictionary<long, Folio> _folios = new();

        public long Number { get; } = number;
        public long Size { get; set; }

        public Folio GetFolio(long index, int size) => _folios.GetOrAdd(index, i => new Folio(i, size));

        public IEnumerable<Folio> Folios => _folios.Values;
    }

    /// <summary>What a filesystem implements; the VFS calls these with the locks listed held.</summary>
    public interface IAddressSpaceOperations
    {
        [CalledWithLocksHeld("Vfs.Inode", "Vfs.Folio")]
        [MightAcquire("Vfs.Backing")]
        void WriteFolio(Inode inode, Folio folio);

        [CalledWithLocksHeld("Vfs.Folio")]
        [MightAcquire("Vfs.Backing")]
        void ReadFolio(Inode inode, Folio folio);
    }

    public sealed class RamFs : IAddressSpaceOperations
    {
        [Lock("Vfs.Backing")] private readonly object _storeGate = new();
        private readonly Dictionary<(long Inode, long Index), byte[]> _store = new();

        [MightAcquire("Vfs.Backing")]
        public void WriteFolio(Inode inode, Folio folio)
        {
            lock (_storeGate)
            {
                _store[(inode.Number, folio.Index)] = (byte[])folio.Data.Clone();
            }

            folio.Dirty = false;
        }

        [MightAcquire("Vfs.Backing")]
        public void ReadFolio(Inode inode, Folio folio)
        {
            lock (_storeGate)
            {
                if (_store.TryGetValue((inode.Number, folio.Index), out var bytes))
                {
                    bytes.CopyTo(folio.Data, 0);
                }
            }

            folio.Uptodate = true;
        }
    }

    /// <summary>The VFS side: takes the locks in hierarchy order and calls into the filesystem.</summary>
    public sealed class Vfs(SuperBlock sb, IAddressSpaceOperations operations, int folioSize = 4096)
    {
        [MightAcquire("Vfs.SbWriters", Shared = true)]
        [MightAcquire("Vfs.Inode", "Vfs.Folio", "Vfs.Backing")]
        public Task WriteAsync(Inode inode, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            // SbWriters is a ReaderWriterLockSlim read lock, owned by this thread: no await under it (LL0008).
            using (sb.StartWrite())
            {
                inode.Lock.Wait(cancellationToken);
                try
                {
                    var folio = inode.GetFolio(offset / folioSize, folioSize);
                    lock (folio.Gate)
                    {
                        data.Span.CopyTo(folio.Data.AsSpan((int)(offset % folioSize)));
                        folio.Dirty = true;
                        operations.WriteFolio(inode, folio);
                    }

                    inode.Size = Math.Max(inode.Size, offset + data.Length);
                }
                finally
                {
                    inode.Lock.Release();
                }
            }

            return Task.CompletedTask;
        }

        [MightAcquire("Vfs.Folio", "Vfs.Backing")]
        public byte[] Read(Inode inode, long index)
        {
            var folio = inode.GetFolio(index, folioSize);
            lock (folio.Gate)
            {
                if (!folio.Uptodate)
                {
                    operations.ReadFolio(inode, folio);
                }

                return folio.Data.AsSpan().ToArray();
            }
        }

        /// <summary>syncfs: freezes writers out, then writes every dirty folio of every inode.</summary>
        [MightAcquire("Vfs.SbWriters", "Vfs.Inode", "Vfs.Folio", "Vfs.Backing")]
        public int Sync(IEnumerable<Inode> inodes)
        {
            var written = 0;
            using var frozen = sb.Freeze();
            foreach (var inode in inodes)
            {
                inode.Lock.Wait();
                try
                {
                    foreach (var folio in inode.Folios)
                    {
                        Monitor.Enter(folio.Gate);
                        try
                        {
                            if (folio.Dirty)
                            {
                                operations.WriteFolio(inode, folio);
                                written++;
                            }
                        }
                        finally
                        {
                            Monitor.Exit(folio.Gate);
                        }
                    }
                }
                finally
                {
                    inode.Lock.Release();
                }
            }

            return written;
        }
    }
}
