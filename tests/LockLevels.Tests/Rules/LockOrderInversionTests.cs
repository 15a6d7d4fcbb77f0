using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.LockOrderInversionRule>;

namespace LockLevels.Tests.Rules
{
    public class LockOrderInversionTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Inversion(string outer, string inner, int innerCodeLine)
            => Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments(outer, inner, Preamble.Line(innerCodeLine));

        [Fact]
        public Task SemaphoreTakenInsideLockStatementOfInnerLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, Mm mm)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        {|#0:mm.MmapLock.Wait()|};
                        mm.MmapLock.Release();
                    }
                }
            }
            """), Inversion("MmapLock", "FolioLock", 5));

        [Fact]
        public Task AcquiresMethodCalledWhileWriteLockHeld_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    {|#1:mapping.InvalidateLock.EnterWriteLock()|};
                    {|#0:sb.StartWrite()|};
                    sb.EndWrite();
                    mapping.InvalidateLock.ExitWriteLock();
                }
            }
            """), Inversion("SbWriters", "InvalidateLock", 5));

        [Fact]
        public Task ScopeAcquiredInUsingUnderLock_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        using ({|#0:sb.StartWriteScope()|})
                        {
                        }
                    }
                }
            }
            """), Inversion("SbWriters", "FolioLock", 5));

        [Fact]
        public Task UsingDeclarationScopeUnderLock_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        using var scope = {|#0:sb.StartWriteScope()|};
                    }
                }
            }
            """), Inversion("SbWriters", "FolioLock", 5));

        [Fact]
        public Task MonitorEnterInTryFinally_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    {|#1:Monitor.Enter(mapping.FolioLock)|};
                    try
                    {
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                    }
                    finally
                    {
                        Monitor.Exit(mapping.FolioLock);
                    }
                }
            }
            """), Inversion("SbWriters", "FolioLock", 5));

        [Fact]
        public Task MightAcquireCalledUnderInnerLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        {|#0:Iov.FaultInReadable()|};
                    }
                }
            }
            """), Inversion("MmapLock", "FolioLock", 5));

        [Fact]
        public Task InversionInsideLoopBody_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, Mm mm, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        lock ({|#1:mapping.FolioLock|})
                        {
                            {|#0:mm.MmapLock.Wait()|};
                            mm.MmapLock.Release();
                        }
                    }
                }
            }
            """), Inversion("MmapLock", "FolioLock", 7));

        [Fact]
        public Task InnerLevelHeldOnOnePathOnly_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb, bool invalidate)
                {
                    if (invalidate)
                        {|#1:mapping.InvalidateLock.EnterWriteLock()|};
                    {|#0:sb.StartWrite()|};
                    sb.EndWrite();
                    if (invalidate)
                        mapping.InvalidateLock.ExitWriteLock();
                }
            }
            """), Inversion("SbWriters", "InvalidateLock", 6));

        [Fact]
        public Task InversionInsideLambda_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                Action M(AddressSpace mapping, SuperBlock sb) => () =>
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                    }
                };
            }
            """), Inversion("SbWriters", "FolioLock", 5));

        [Fact]
        public Task InversionInsideLocalFunction_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    Flush();

                    void Flush()
                    {
                        {|#1:mapping.InvalidateLock.EnterReadLock()|};
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                        mapping.InvalidateLock.ExitReadLock();
                    }
                }
            }
            """), Inversion("SbWriters", "InvalidateLock", 9));

        [Fact]
        public Task ThreadingLockStatement_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                [Lock("FolioLock")] private readonly System.Threading.Lock _folio = new();

                void M(SuperBlock sb)
                {
                    lock ({|#1:_folio|})
                    {
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                    }
                }
            }
            """), Inversion("SbWriters", "FolioLock", 7));

        [Fact]
        public Task TransitivelyOuterLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(Mm mm, SuperBlock sb)
                {
                    {|#1:mm.MmapLock.Wait()|};
                    {|#0:sb.StartWrite()|};
                    sb.EndWrite();
                    mm.MmapLock.Release();
                }
            }
            """), Inversion("SbWriters", "MmapLock", 5));

        [Fact]
        public Task DeclaredOrder_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, Mm mm, SuperBlock sb)
                {
                    sb.StartWrite();
                    mm.MmapLock.Wait();
                    lock (mapping.FolioLock) { }
                    mm.MmapLock.Release();
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task InnerLevelReleasedBeforeOuterAcquired_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    mapping.InvalidateLock.ExitWriteLock();
                    sb.StartWrite();
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task LevelsFromUnrelatedHierarchies_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: LockHierarchy("NetLock", "SocketLock")]

            class C
            {
                [Lock("SocketLock")] private readonly object _socket = new();

                void M(SuperBlock sb)
                {
                    sb.StartWrite();
                    lock (_socket) { }
                    sb.EndWrite();
                    lock (_socket) { sb.StartWrite(); sb.EndWrite(); }
                }
            }
            """));

        [Fact]
        public Task BranchThatReleasesOnEveryPath_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb, bool fast)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    if (fast)
                        mapping.InvalidateLock.ExitWriteLock();
                    else
                        mapping.InvalidateLock.ExitWriteLock();
                    sb.StartWrite();
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task EarlyReturnInsideLock_LeavesNothingHeldAfterIt() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb, bool done)
                {
                    lock (mapping.FolioLock)
                    {
                        if (done)
                            return;
                    }

                    sb.StartWrite();
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task ReleasedInFinallyBeforeOuterAcquired_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    Monitor.Enter(mapping.FolioLock);
                    try
                    {
                    }
                    finally
                    {
                        Monitor.Exit(mapping.FolioLock);
                    }

                    sb.StartWrite();
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task ReentrantAcquisitionOfHeldLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        lock (mapping.FolioLock)
                        {
                        }
                    }
                }
            }
            """));

        [Fact]
        public Task LambdaCreatedUnderLock_DoesNotInheritHeldLevels() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                Action M(AddressSpace mapping, SuperBlock sb)
                {
                    lock (mapping.FolioLock)
                    {
                        return () => { sb.StartWrite(); sb.EndWrite(); };
                    }
                }
            }
            """));

        [Fact]
        public Task FailedTryEnterBranch_DoesNotHoldTheLock() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    if (!Monitor.TryEnter(mapping.FolioLock))
                    {
                        sb.StartWrite();
                        sb.EndWrite();
                        return;
                    }

                    Monitor.Exit(mapping.FolioLock);
                }
            }
            """));

        [Fact]
        public Task OuterLevelRetakenAtLoopHeadAfterInnerReleased_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        sb.StartWrite();
                        lock (mapping.FolioLock) { }
                        sb.EndWrite();
                    }
                }
            }
            """));

        [Fact]
        public Task UnannotatedNestedLocks_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly object _a = new(), _b = new();

                void M()
                {
                    lock (_a) { lock (_b) { } }
                    lock (_b) { lock (_a) { } }
                }
            }
            """));
    
        [Fact]
        public Task DelegateToAnAnnotatedMethod_IsThatMethodsAcquisition() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping)
                {
                    Action fault = Iov.FaultInReadable;
                    lock ({|#1:mapping.FolioLock|})
                    {
                        {|#0:fault()|};
                    }
                }
            }
            """), Inversion("MmapLock", "FolioLock", 6));
    
        /// <summary>With nullable annotations on, the flow graph leaves a lock on a Lock unlowered (an invalid operation).</summary>
        [Fact]
        public Task ThreadingLockStatementInNullableContext_IsReported() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + Preamble.With("""
            class C
            {
                [Lock("FolioLock")] private readonly System.Threading.Lock _folio = new();

                void M(SuperBlock sb, bool early)
                {
                    lock ({|#1:_folio|})
                    {
                        if (early)
                            return;
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                    }

                    sb.StartWrite();
                    sb.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("SbWriters", "FolioLock", Preamble.Line(7) + 1));
    }
}
