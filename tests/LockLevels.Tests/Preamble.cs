namespace LockLevels.Tests
{
    /// <summary>The shared annotated world most rule tests run in: the seed's levels and their owners.</summary>
    internal static class Preamble
    {
        /// <summary>The usings of every test source; a second document of a test starts with these alone.</summary>
        public const string Imports = """
            using System;
            using System.Threading;
            using LockLevels;

            """;

        public const string Hierarchy = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]

            """;

        public const string Types = """

            sealed class SuperBlock
            {
                [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
                [Releases("SbWriters")] public void EndWrite() { }
                [Acquires("SbWriters", Shared = true)] public IDisposable StartWriteScope() => null!;
            }

            sealed class AddressSpace
            {
                [Lock("InvalidateLock")] public readonly ReaderWriterLockSlim InvalidateLock = new();
                [Lock("FolioLock")] public readonly object FolioLock = new();
            }

            sealed class Mm
            {
                [Lock("MmapLock")] public readonly SemaphoreSlim MmapLock = new(1, 1);
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
            """;

        /// <summary>A test source: the hierarchy, the code under test, then the shared types.</summary>
        public static string With(string code) => Hierarchy + code + Types;

        /// <summary>The 1-based line in <see cref="With"/>'s source of the code's 1-based line <paramref name="codeLine"/>.</summary>
        public static int Line(int codeLine) => Hierarchy.Split('\n').Length - 1 + codeLine;
    }
}
