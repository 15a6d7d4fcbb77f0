using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.DeepContextAnalyzer, LockLevels.CodeFixes.LongTermClaimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    public class LongTermClaimFixTests
    {
        [Fact]
        public Task ExplicitPair_BecomesAClaimTakenInTheConstructor() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing;

                public Cache(SuperBlock backing)
                {
                    _backing = backing;
                }

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    // Store the folios and their xattrs.
                    Store(mapping);
                    _backing.EndWrite();
                }

                private static void Store(AddressSpace mapping) { }
            }
            """), ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing;
                private IDisposable? _sbWritersClaim;

                public Cache(SuperBlock backing)
                {
                    _backing = backing;
                    _sbWritersClaim = _backing.ClaimWriteLongTerm();
                }

                public void WritePages(AddressSpace mapping)
                {
                    // Store the folios and their xattrs.
                    Store(mapping);
                }

                private static void Store(AddressSpace mapping) { }

                public void Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }
            }
            """));
    }
}
