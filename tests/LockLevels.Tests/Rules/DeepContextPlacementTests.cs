using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Calls = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.DeepContextCallRule>;
using Bodies = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.DeepContextRule>;
using Chains = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CallChainRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>[CalledWithLocksHeld] where users put it: constructors, properties and indexers, accessors, local functions.</summary>
    public class DeepContextPlacementTests
    {
        private static DiagnosticResult Missing(string callee, string level, string levels, string declaredOn)
            => Calls.Diagnostic("LL0006").WithLocation(0).WithArguments(callee, level, levels, declaredOn);

        [Fact]
        public Task Constructor_NewWithoutTheLevel_IsReported() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Page
            {
                [CalledWithLocksHeld("FolioLock")] public Page() { }
            }

            class Writeback
            {
                Page Make(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        _ = new Page();
                    }

                    return {|#0:new Page()|};
                }
            }
            """), Missing("Page", "FolioLock", "FolioLock", "Page.Page"));

        [Fact]
        public Task Constructor_BodyRunsWithTheLevelHeld() => Bodies.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Page
            {
                [CalledWithLocksHeld("FolioLock")]
                public Page(SuperBlock backing)
                {
                    {|#0:backing.StartWrite()|};
                    backing.EndWrite();
                }
            }
            """), Bodies.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "Page constructor", "FolioLock", "Page.Page"));

        [Fact]
        public Task PropertyAnnotation_AppliesToBothAccessors() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Page
            {
                [CalledWithLocksHeld("FolioLock")] public int Size { get => 0; set { } }
            }

            class Writeback
            {
                void Resize(Page page)
                {
                    {|#0:page.Size|} = {|#1:page.Size|} + 1;
                }
            }
            """), Missing("Size", "FolioLock", "FolioLock", "Page.Size"),
            Calls.Diagnostic("LL0006").WithLocation(1).WithArguments("Size", "FolioLock", "FolioLock", "Page.Size"));

        [Fact]
        public Task AccessorAnnotation_AppliesToThatAccessorOnly() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Page
            {
                public int Size { [CalledWithLocksHeld("FolioLock")] get => 0; set { } }
            }

            class Writeback
            {
                void Resize(Page page)
                {
                    page.Size = {|#0:page.Size|} + 1;
                }
            }
            """), Missing("Size", "FolioLock", "FolioLock", "Page.Size"));

        [Fact]
        public Task IndexerAnnotation_IsHonoured() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Folio
            {
                [CalledWithLocksHeld("FolioLock")] public int this[int offset] => offset;
            }

            class Writeback
            {
                int Read(AddressSpace mapping, Folio folio)
                {
                    lock (mapping.FolioLock)
                    {
                        _ = folio[1];
                    }

                    return {|#0:folio[0]|};
                }
            }
            """), Missing("this[]", "FolioLock", "FolioLock", "Folio.this[]"));

        [Fact]
        public Task PropertyAnnotation_GetterBodyRunsWithTheLevelHeld() => Bodies.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Page
            {
                private readonly SuperBlock _backing = new();

                [CalledWithLocksHeld("FolioLock")]
                public int Size
                {
                    get
                    {
                        {|#0:_backing.StartWrite()|};
                        _backing.EndWrite();
                        return 0;
                    }
                }
            }
            """), Bodies.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "Size", "FolioLock", "Page.Size"));

        [Fact]
        public Task LocalFunction_CalledWithoutTheLevel_IsReported() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        Write();
                    }

                    {|#0:Write()|};

                    [CalledWithLocksHeld("FolioLock")] void Write() { }
                }
            }
            """), Missing("Write", "FolioLock", "FolioLock", "Writeback.Write"));

        [Fact]
        public Task LocalFunction_BodyRunsWithTheLevelHeld() => Bodies.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush(AddressSpace mapping, SuperBlock backing)
                {
                    lock (mapping.FolioLock)
                    {
                        Write();
                    }

                    [CalledWithLocksHeld("FolioLock")]
                    void Write()
                    {
                        {|#0:backing.StartWrite()|};
                        backing.EndWrite();
                    }
                }
            }
            """), Bodies.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "Write", "FolioLock", "Writeback.Write"));

        [Fact]
        public Task LocalFunctionOfALockFreeMethod_CallsWithItsLevelHeld() => Chains.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                private readonly SuperBlock _backing = new();

                void Flush()
                {
                    [CalledWithLocksHeld("FolioLock")]
                    void Write() => {|#0:SetXattr()|};
                }

                void SetXattr()
                {
                    {|#1:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """), Chains.Diagnostic("LL0003").WithLocation(0).WithLocation(1)
                .WithArguments("Writeback.SetXattr", "SbWriters", "FolioLock", "Writeback.SetXattr → SuperBlock.StartWrite (SbWriters)"));

        [Fact]
        public Task DeepContextCalledWithoutLocks_IsAWarningByDefault() => Calls.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush(AddressSpace mapping, IAddressSpaceOperations ops) => {|#0:ops.WritePages(mapping)|};
            }
            """), new DiagnosticResult("LL0006", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
                .WithArguments("WritePages", "InvalidateLock", "InvalidateLock, FolioLock", "IAddressSpaceOperations.WritePages"));

        [Fact]
        public Task InterfacePropertyAnnotation_IsInheritedByTheImplementingGetter() => Bodies.VerifyAnalyzerAsync(Preamble.With("""
            interface IPage
            {
                [CalledWithLocksHeld("FolioLock")] int Size { get; }
            }

            sealed class Page : IPage
            {
                private readonly SuperBlock _backing = new();

                public int Size
                {
                    get
                    {
                        {|#0:_backing.StartWrite()|};
                        _backing.EndWrite();
                        return 0;
                    }
                }
            }
            """), Bodies.Diagnostic("LL0002").WithLocation(0).WithArguments("SbWriters", "FolioLock", "Size", "FolioLock", "IPage.Size"));
    }
}
