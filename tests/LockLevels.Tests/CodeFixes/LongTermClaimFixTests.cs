using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.DeepContextRule, LockLevels.CodeFixes.LongTermClaimCodeFixProvider>;

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
    
        [Fact]
        public Task PairInTryFinally_LeavesTheBody() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    try
                    {
                        Store(mapping);
                    }
                    finally
                    {
                        _backing.EndWrite();
                    }
                }

                public void Dispose()
                {
                }

                private static void Store(AddressSpace mapping) { }
            }
            """), ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                public void WritePages(AddressSpace mapping)
                {
                    Store(mapping);
                }

                public void Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }

                private static void Store(AddressSpace mapping) { }

                public Cache()
                {
                    _sbWritersClaim = _backing.ClaimWriteLongTerm();
                }
            }
            """));

        [Fact]
        public Task UsingStatement_IsUnwrapped() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public Cache() { }

                public void WritePages(AddressSpace mapping)
                {
                    using ({|LL0002:_backing.StartWriteScope()|})
                    {
                        Store(mapping); // keeps its comment
                    }
                }

                private static void Store(AddressSpace mapping) { }
            }
            """), ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                public Cache() { _sbWritersClaim = _backing.ClaimWriteLongTerm(); }

                public void WritePages(AddressSpace mapping)
                {
                    Store(mapping); // keeps its comment
                }

                private static void Store(AddressSpace mapping) { }

                public void Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }
            }
            """));

        [Fact]
        public Task UsingDeclaration_IsRemovedAndSetupAndTeardownMethodsAreUsed() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                [LockSetup]
                public void Bind()
                {
                }

                [LockTeardown]
                public void Unbind()
                {
                }

                public void WritePages(AddressSpace mapping)
                {
                    using var scope = {|LL0002:_backing.StartWriteScope()|};
                    Store(mapping);
                }

                private static void Store(AddressSpace mapping) { }
            }
            """), ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                [LockSetup]
                public void Bind()
                {
                    _sbWritersClaim = _backing.ClaimWriteLongTerm();
                }

                [LockTeardown]
                public void Unbind()
                {
                    _sbWritersClaim?.Dispose();
                }

                public void WritePages(AddressSpace mapping)
                {
                    Store(mapping);
                }

                private static void Store(AddressSpace mapping) { }
            }
            """));

        [Fact]
        public Task SeveralDeepMethodsOfOneType_ShareOneClaim() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            interface IReadOps
            {
                [CalledWithLocksHeld("MmapLock", "FolioLock")] void ReadFolio(AddressSpace mapping);
            }

            sealed class Cache : IAddressSpaceOperations, IReadOps
            {
                private readonly SuperBlock _backing = new();

                public Cache() { }

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                public void ReadFolio(AddressSpace mapping)
                {
                    using ({|LL0002:_backing.StartWriteScope()|})
                    {
                    }
                }
            }
            """), ClaimPreamble.With("""
            interface IReadOps
            {
                [CalledWithLocksHeld("MmapLock", "FolioLock")] void ReadFolio(AddressSpace mapping);
            }

            sealed class Cache : IAddressSpaceOperations, IReadOps, IDisposable
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                public Cache() { _sbWritersClaim = _backing.ClaimWriteLongTerm(); }

                public void WritePages(AddressSpace mapping)
                {
                }

                public void ReadFolio(AddressSpace mapping)
                {
                }

                public void Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }
            }
            """));

        [Fact]
        public Task LevelWithoutLongTermClaim_IsNotFixed() => Verify.VerifyNoFixAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """));

        [Fact]
        public Task ReceiverOnlyAParameter_IsNotFixedAndSaysWhy() => Verify.VerifyNoFixAsync(ClaimPreamble.With("""
            sealed class Cache
            {
                [CalledWithLocksHeld("InvalidateLock")]
                public void WritePages(SuperBlock backing)
                {
                    {|#0:backing.StartWrite()|};
                    backing.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0)
                .WithArguments("SbWriters", "InvalidateLock", "WritePages", "InvalidateLock", "Cache.WritePages"));
    
        [Fact]
        public Task ExplicitDisposeImplementation_IsTheTeardown() => Verify.VerifyCodeFixAsync(ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing = new();

                public Cache() { }

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                void IDisposable.Dispose()
                {
                }
            }
            """), ClaimPreamble.With("""
            sealed class Cache : IAddressSpaceOperations, IDisposable
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                public Cache() { _sbWritersClaim = _backing.ClaimWriteLongTerm(); }

                public void WritePages(AddressSpace mapping)
                {
                }

                void IDisposable.Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }
            }
            """));

        [Fact]
        public Task DisposeInheritedFromABaseType_IsNotFixed() => Verify.VerifyNoFixAsync(ClaimPreamble.With("""
            class Resource : IDisposable
            {
                public void Dispose() { }
            }

            sealed class Cache : Resource, IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """));

        [Fact]
        public Task PartialTypeWithSetupInAnotherPart_IsNotFixed() => Verify.VerifyNoFixAsync(ClaimPreamble.With("""
            partial class Cache
            {
                public Cache() { }

                public void Dispose() { }
            }

            partial class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|LL0002:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """));
    }
}
