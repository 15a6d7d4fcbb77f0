using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>The fixed sources: the shared core and each subsystem's base class and interface.</summary>
    public sealed partial class CodebaseGenerator
    {
        private static string SubsystemSource(SubsystemInfo s) => $$"""
            using System;
            using Fs.Core;

            namespace Fs.S{{s.Index}}
            {
                /// <summary>The subsystem's node hierarchy: overrides may take levels from {{Name(s.FlushFloor)}} / {{Name(s.ScanFloor)}} inward.</summary>
                public abstract class NodeBase{{s.Index}}
                {
                    public static readonly NodeBase{{s.Index}}[] Registry = new NodeBase{{s.Index}}[16];

                    public virtual int Flush{{s.Suffix}}(Ctx c, int x) => x + {{s.Index}};

                    public abstract int Scan{{s.Suffix}}(Ctx c, int x);
                }

                /// <summary>The subsystem's store interface.</summary>
                public interface IStore{{s.Index}}
                {
                    int Put{{s.Suffix}}(Ctx c, int x);

                    int Get{{s.Suffix}}(Ctx c, int x);
                }

                public static class Stores{{s.Index}}
                {
                    public static readonly IStore{{s.Index}}[] All = new IStore{{s.Index}}[8];
                }
            }

            """;

        private static string Name(int level) => level >= NoLevel ? "none" : LevelNames[level];

        private const string CoreSource = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]
            [assembly: LockHierarchy("SbWriters", "InodeLock", "JournalHandle", "BufferLock")]

            namespace Fs.Core
            {
                /// <summary>The superblock: sb_start_write and sb_end_write.</summary>
                public sealed class SuperBlock
                {
                    private int _writers;

                    public int Writers => Volatile.Read(ref _writers);

                    [Acquires("SbWriters", Shared = true)]
                    public void StartWrite() => Interlocked.Increment(ref _writers);

                    [Releases("SbWriters")]
                    public void EndWrite() => Interlocked.Decrement(ref _writers);

                    [Acquires("SbWriters", Shared = true)]
                    public IDisposable StartWriteScope()
                    {
                        Interlocked.Increment(ref _writers);
                        return new WriteScope(this);
                    }

                    private sealed class WriteScope : IDisposable
                    {
                        private SuperBlock? _sb;

                        public WriteScope(SuperBlock sb) => _sb = sb;

                        public void Dispose()
                        {
                            var sb = Interlocked.Exchange(ref _sb, null);
                            if (sb != null)
                            {
                                Interlocked.Decrement(ref sb._writers);
                            }
                        }
                    }
                }

                public sealed class MmStruct
                {
                    [Lock("MmapLock")] public readonly SemaphoreSlim MmapLock = new SemaphoreSlim(1, 1);
                }

                public sealed class AddressSpace
                {
                    [Lock("InvalidateLock")] public readonly ReaderWriterLockSlim InvalidateLock = new ReaderWriterLockSlim();
                    [Lock("FolioLock")] public readonly object FolioLock = new object();

                    public IAddressSpaceOperations Ops { get; set; } = NoOps.Instance;
                }

                public sealed class Inode
                {
                    [Lock("InodeLock")] public readonly SemaphoreSlim Rwsem = new SemaphoreSlim(1, 1);

                    public long Size { get; set; }
                }

                /// <summary>jbd2: a handle is held from start to stop.</summary>
                public sealed class Journal
                {
                    private int _running;

                    [Acquires("JournalHandle")]
                    public JournalHandle Start(int credits)
                    {
                        Interlocked.Increment(ref _running);
                        return new JournalHandle(this, credits);
                    }

                    [Acquires("JournalHandle")]
                    public void Begin() => Interlocked.Increment(ref _running);

                    [Releases("JournalHandle")]
                    public void Stop() => Interlocked.Decrement(ref _running);

                    internal void End() => Interlocked.Decrement(ref _running);
                }

                public sealed class JournalHandle : IDisposable
                {
                    private readonly Journal _journal;

                    public JournalHandle(Journal journal, int credits)
                    {
                        _journal = journal;
                        Credits = credits;
                    }

                    public int Credits { get; }

                    public void Dispose() => _journal.End();
                }

                public sealed class BufferHead
                {
                    [Lock("BufferLock")] public readonly object Sync = new object();
                    [Lock("BufferLock")] public readonly System.Threading.Lock Gate = new System.Threading.Lock();
                }

                /// <summary>Everything a filesystem call can reach.</summary>
                public sealed class Ctx
                {
                    public Ctx(SuperBlock sb, MmStruct mm, AddressSpace mapping, Inode inode, Journal journal, BufferHead bh, IBufferOps bufferOps)
                    {
                        Sb = sb;
                        Mm = mm;
                        Mapping = mapping;
                        Inode = inode;
                        Journal = journal;
                        Bh = bh;
                        BufferOps = bufferOps;
                    }

                    public SuperBlock Sb { get; }
                    public MmStruct Mm { get; }
                    public AddressSpace Mapping { get; }
                    public Inode Inode { get; }
                    public Journal Journal { get; }
                    public BufferHead Bh { get; }
                    public IBufferOps BufferOps { get; }
                }

                public interface IAddressSpaceOperations
                {
                    [CalledWithLocksHeld("InvalidateLock", "FolioLock")] int WritePages(Ctx c, int nr);

                    [CalledWithLocksHeld("MmapLock", "FolioLock")] int ReadFolio(Ctx c, int index);
                }

                public interface IBufferOps
                {
                    [CalledWithLocksHeld("JournalHandle")] int WriteBlock(Ctx c, int block);
                }

                public sealed class NoOps : IAddressSpaceOperations
                {
                    public static readonly NoOps Instance = new NoOps();

                    public int WritePages(Ctx c, int nr) => nr;

                    public int ReadFolio(Ctx c, int index) => index;
                }

                public static class Iov
                {
                    [MightAcquire("MmapLock")]
                    public static void FaultInReadable()
                    {
                    }
                }

                public static class Reclaim
                {
                    [MightAcquire("FolioLock")]
                    public static int ShrinkFolios(int nr) => nr / 2;
                }
            }

            """;
    }
}
