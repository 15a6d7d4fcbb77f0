using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.DeepContextCallRule>;

namespace LockLevels.Tests.Rules
{
    public class DeepContextCallTests
    {
        [Fact]
        public Task WritePagesCalledWithoutInvalidateLock_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush(AddressSpace mapping, IAddressSpaceOperations ops)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:ops.WritePages(mapping)|};
                    }
                }
            }
            """), Verify.Diagnostic("LL0006").WithLocation(0)
                .WithArguments("WritePages", "InvalidateLock", "InvalidateLock, FolioLock", "IAddressSpaceOperations.WritePages"));

        [Fact]
        public Task CallingTheImplementationDirectly_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Cache : IAddressSpaceOperations
            {
                public void WritePages(AddressSpace mapping) { }
                public void ReadFolio(AddressSpace mapping) { }
            }

            class Writeback
            {
                void Flush(AddressSpace mapping, Cache cache)
                {
                    {|#0:cache.ReadFolio(mapping)|};
                }
            }
            """), Verify.Diagnostic("LL0006").WithLocation(0)
                .WithArguments("ReadFolio", "MmapLock", "MmapLock, FolioLock", "IAddressSpaceOperations.ReadFolio"));

        [Fact]
        public Task CallWithEveryLevelHeld_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush(AddressSpace mapping, IAddressSpaceOperations ops)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    lock (mapping.FolioLock)
                    {
                        ops.WritePages(mapping);
                    }

                    mapping.InvalidateLock.ExitWriteLock();
                }
            }
            """));

        [Fact]
        public Task CallFromAnotherDeepContextHoldingTheLevels_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                [CalledWithLocksHeld("InvalidateLock", "FolioLock")]
                void Writeback(AddressSpace mapping, IAddressSpaceOperations ops) => ops.WritePages(mapping);
            }
            """));
    }
}
