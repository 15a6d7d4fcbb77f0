namespace LockLevels.Tests.CodeFixes
{
    /// <summary>The seed's world where SbWriters offers a long-term write claim (mnt_want_write).</summary>
    internal static class ClaimPreamble
    {
        public const string Types = """

            sealed class SuperBlock
            {
                [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))] public void StartWrite() { }
                [Releases("SbWriters")] public void EndWrite() { }
                [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))] public IDisposable StartWriteScope() => null!;
                public IDisposable ClaimWriteLongTerm() => null!;
            }

            sealed class AddressSpace
            {
                [Lock("FolioLock")] public readonly object FolioLock = new();
            }

            interface IAddressSpaceOperations
            {
                [CalledWithLocksHeld("InvalidateLock", "FolioLock")] void WritePages(AddressSpace mapping);
            }
            """;

        public static string With(string code) => Preamble.Hierarchy + code + Types;
    }
}
