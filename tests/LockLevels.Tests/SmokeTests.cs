using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.DeepContextAnalyzer>;

namespace LockLevels.Tests
{
    public class SmokeTests
    {
        [Fact]
        public Task StartWriteInWritePages_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _sb = new();
                public void WritePages(AddressSpace mapping) { {|#0:_sb.StartWrite()|}; _sb.EndWrite(); }
                public void ReadFolio(AddressSpace mapping) { }
            }
            """),
            Verify.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "InvalidateLock", "WritePages", "InvalidateLock, FolioLock", "IAddressSpaceOperations.WritePages"));
    }
}
