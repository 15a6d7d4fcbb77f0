namespace LockLevels.Tests.Interprocedural
{
    /// <summary>The two deadlocks of the reference thread, as C# a filesystem developer would write.</summary>
    internal static class SeedScenarios
    {
        /// <summary>Shared by both scenarios: the VFS, write(2) and freeze_super.</summary>
        public const string Vfs = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]

            sealed class SuperBlock
            {
                [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
                [Releases("SbWriters")] public void EndWrite() { }
                [Acquires("SbWriters")] public void Freeze() { }
                [Releases("SbWriters")] public void Thaw() { }
            }

            sealed class MmStruct
            {
                [Lock("MmapLock")] public readonly SemaphoreSlim MmapLock = new(1, 1);
            }

            sealed class AddressSpace
            {
                [Lock("InvalidateLock")] public readonly ReaderWriterLockSlim InvalidateLock = new();
                public IAddressSpaceOperations Ops = null!;
            }

            interface IAddressSpaceOperations
            {
                [CalledWithLocksHeld("InvalidateLock", "FolioLock")] void WritePages(AddressSpace mapping);
                [CalledWithLocksHeld("MmapLock", "FolioLock")] void ReadFolio(AddressSpace mapping);
            }

            static class Iov
            {
                [MightAcquire("MmapLock")] public static void FaultInReadable() { }
            }

            static class Vfs
            {
                // write(2) on fs B: sb_start_write, then copying the user buffer may fault.
                public static void Write(SuperBlock sb)
                {
                    sb.StartWrite();
                    PerformWrite();
                    sb.EndWrite();
                }

                static void PerformWrite() => Iov.FaultInReadable();

                // freeze_super on fs B.
                public static void FreezeSuper(SuperBlock sb)
                {
                    sb.Freeze();
                    sb.Thaw();
                }
            }

            """;

        /// <summary>The network filesystem's cache: reaching sb_writers of the backing fs from deep inside.</summary>
        public const string Cachefiles = """

            sealed class Cachefiles
            {
                private readonly SuperBlock _backing = new();

                public void IssueWrite() => SetXattr();

                public void PrepareRead() => SetXattr();

                void SetXattr()
                {
                    _backing.StartWrite();
                    _backing.EndWrite();
                }
            }

            sealed class AfsOps : IAddressSpaceOperations
            {
                private readonly Cachefiles _cache = new();

                public void WritePages(AddressSpace mapping) => _cache.IssueWrite();

                public void ReadFolio(AddressSpace mapping) => _cache.PrepareRead();
            }
            """;

        /// <summary>First scenario: a page fault on fs A reads a folio through the cache.</summary>
        public const string PageFault = """

            static class Mm
            {
                public static void HandleFault(MmStruct mm, AddressSpace mapping)
                {
                    mm.MmapLock.Wait();
                    mapping.Ops.ReadFolio(mapping);
                    mm.MmapLock.Release();
                }
            }
            """;

        /// <summary>Second scenario: invalidation writes back under invalidate_lock; a fault takes it shared.</summary>
        public const string Invalidate = """

            static class Filemap
            {
                public static void Invalidate(AddressSpace mapping)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    mapping.Ops.WritePages(mapping);
                    mapping.InvalidateLock.ExitWriteLock();
                }

                public static void Fault(MmStruct mm, AddressSpace mapping)
                {
                    mm.MmapLock.Wait();
                    mapping.InvalidateLock.EnterReadLock();
                    mapping.InvalidateLock.ExitReadLock();
                    mm.MmapLock.Release();
                }
            }
            """;
    }
}
