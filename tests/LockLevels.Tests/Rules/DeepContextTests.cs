using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.DeepContextRule>;

namespace LockLevels.Tests.Rules
{
    public class DeepContextTests
    {
        private static DiagnosticResult InWritePages(string acquired = "SbWriters", string inner = "InvalidateLock", string method = "WritePages")
            => Verify.Diagnostic("LL0002").WithLocation(0).WithArguments(acquired, inner, method, "InvalidateLock, FolioLock", "IAddressSpaceOperations.WritePages");

        [Fact]
        public Task StartWriteInWritePagesImplementation_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages());

        [Fact]
        public Task ScopeInUsingStatementInWritePages_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    using ({|#0:_backing.StartWriteScope()|})
                    {
                    }
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages());

        [Fact]
        public Task ExplicitInterfaceImplementation_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                void IAddressSpaceOperations.WritePages(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                void IAddressSpaceOperations.ReadFolio(AddressSpace mapping) { }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0)
                .WithArguments("SbWriters", "InvalidateLock", "IAddressSpaceOperations.WritePages", "InvalidateLock, FolioLock", "IAddressSpaceOperations.WritePages"));

        [Fact]
        public Task OverrideOfAnnotatedBaseMember_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            abstract class NetfsOps
            {
                [CalledWithLocksHeld("InvalidateLock", "FolioLock")]
                public abstract void WritePages(AddressSpace mapping);
            }

            sealed class AfsOps : NetfsOps
            {
                private readonly SuperBlock _backing = new();

                public override void WritePages(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0)
                .WithArguments("SbWriters", "InvalidateLock", "WritePages", "InvalidateLock, FolioLock", "NetfsOps.WritePages"));

        [Fact]
        public Task MethodWithOwnCalledWithLocksHeld_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Netfs
            {
                [CalledWithLocksHeld("FolioLock")]
                public void IssueWrite(SuperBlock backing)
                {
                    {|#0:backing.StartWrite()|};
                    backing.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "IssueWrite", "FolioLock", "Netfs.IssueWrite"));

        [Fact]
        public Task StartWriteInReadFolio_NamesFirstInnerHeldLevel() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping) { }

                public void ReadFolio(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "MmapLock", "ReadFolio", "MmapLock, FolioLock", "IAddressSpaceOperations.ReadFolio"));

        [Fact]
        public Task MightAcquireOfOuterLevelInDeepContext_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                public void WritePages(AddressSpace mapping)
                {
                    {|#0:Iov.FaultInReadable()|};
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages("MmapLock"));

        [Fact]
        public Task MightAcquireOfAHeldLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                public void WritePages(AddressSpace mapping) { }

                public void ReadFolio(AddressSpace mapping)
                {
                    Iov.FaultInReadable();
                }
            }
            """));

        [Fact]
        public Task LockFieldOfOuterLevelTakenInWritePages_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly Mm _mm = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|#0:_mm.MmapLock.Wait()|};
                    _mm.MmapLock.Release();
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages("MmapLock"));

        [Fact]
        public Task AcquisitionInsideLoopInDeepContext_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    for (int folio = 0; folio < 16; folio++)
                    {
                        {|#0:_backing.StartWrite()|};
                        _backing.EndWrite();
                    }
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages());

        [Fact]
        public Task AcquisitionInTryWithFinallyRelease_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    try
                    {
                        SetXattr();
                    }
                    finally
                    {
                        _backing.EndWrite();
                    }
                }

                public void ReadFolio(AddressSpace mapping) { }

                private static void SetXattr() { }
            }
            """), InWritePages());

        [Fact]
        public Task AcquisitionOnOneBranchInDeepContext_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();
                private bool _needsXattr;

                public void WritePages(AddressSpace mapping)
                {
                    if (!_needsXattr)
                        return;

                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages());

        [Fact]
        public Task GenericImplementation_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache<TKey> : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    {|#0:_backing.StartWrite()|};
                    _backing.EndWrite();
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """), InWritePages());

        [Fact]
        public Task InnerLevelTakenInDeepContext_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: LockHierarchy("FolioLock", "XattrLock")]

            sealed class Cache : IAddressSpaceOperations
            {
                [Lock("XattrLock")] private readonly object _xattr = new();

                public void WritePages(AddressSpace mapping)
                {
                    lock (_xattr) { }
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """));

        [Fact]
        public Task SameNamedMethodOutsideTheInterface_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Writer
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    _backing.StartWrite();
                    _backing.EndWrite();
                }
            }
            """));

        [Fact]
        public Task OtherMembersOfAnImplementingType_AreNotDeepContexts() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping) { }

                public void ReadFolio(AddressSpace mapping) { }

                public void Bind()
                {
                    _backing.StartWrite();
                    _backing.EndWrite();
                }
            }
            """));

        [Fact]
        public Task LambdaCreatedInDeepContext_IsItsOwnBody() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();
                private Action? _deferred;

                public void WritePages(AddressSpace mapping)
                {
                    _deferred = () => { _backing.StartWrite(); _backing.EndWrite(); };
                }

                public void ReadFolio(AddressSpace mapping) { }
            }
            """));

        [Fact]
        public Task ReadFolioTakingOnlyInnerLevels_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: LockHierarchy("FolioLock", "XattrLock")]

            sealed class Cache : IAddressSpaceOperations
            {
                [Lock("XattrLock")] private readonly SemaphoreSlim _xattr = new(1, 1);

                public void WritePages(AddressSpace mapping) { }

                public void ReadFolio(AddressSpace mapping)
                {
                    _xattr.Wait();
                    _xattr.Release();
                }
            }
            """));
    
        [Fact]
        public Task LocalFunctionDeclaredAsDeepContext_IsChecked() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                void Writeback(SuperBlock backing)
                {
                    Issue();

                    [CalledWithLocksHeld("FolioLock")]
                    void Issue()
                    {
                        {|#0:backing.StartWrite()|};
                        backing.EndWrite();
                    }
                }
            }
            """), Verify.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "Issue", "FolioLock", "Netfs.Issue"));
    }
}
