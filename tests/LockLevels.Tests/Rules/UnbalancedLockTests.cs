using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;

namespace LockLevels.Tests.Rules
{
    public class UnbalancedLockTests
    {
        private static DiagnosticResult StillHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments(level, method);

        private static DiagnosticResult NotHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(0).WithArguments(level, method);

        [Fact]
        public Task AcquireWithoutRelease_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    {|#0:sb.StartWrite()|};
                }
            }
            """), StillHeld("SbWriters", "Write"));

        [Fact]
        public Task ReleaseOnOneBranchOnly_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb, bool done)
                {
                    {|#0:sb.StartWrite()|};
                    if (done)
                        sb.EndWrite();
                }
            }
            """), StillHeld("SbWriters", "Write"));

        [Fact]
        public Task EarlyReturnBeforeRelease_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                int Write(AddressSpace mapping, int length)
                {
                    {|#0:mapping.InvalidateLock.EnterWriteLock()|};
                    if (length == 0)
                        return 0;
                    mapping.InvalidateLock.ExitWriteLock();
                    return length;
                }
            }
            """), StillHeld("InvalidateLock", "Write"));

        [Fact]
        public Task ReleaseWithoutAcquire_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Finish(SuperBlock sb)
                {
                    {|#0:sb.EndWrite()|};
                }
            }
            """), NotHeld("SbWriters", "Finish"));

        [Fact]
        public Task ExitOfLockFieldNeverEntered_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Unlock(AddressSpace mapping)
                {
                    {|#0:mapping.InvalidateLock.ExitWriteLock()|};
                }
            }
            """), NotHeld("InvalidateLock", "Unlock"));

        [Fact]
        public Task SecondReleaseOfOneAcquisition_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(Mm mm)
                {
                    mm.MmapLock.Wait();
                    mm.MmapLock.Release();
                    {|#0:mm.MmapLock.Release()|};
                }
            }
            """), NotHeld("MmapLock", "Write"));

        [Fact]
        public Task DiscardedScope_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    {|#0:sb.StartWriteScope()|};
                }
            }
            """), StillHeld("SbWriters", "Write"));

        [Fact]
        public Task ScopeInLocalNeverDisposed_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    var scope = {|#0:sb.StartWriteScope()|};
                }
            }
            """), StillHeld("SbWriters", "Write"));

        [Fact]
        public Task MonitorEnterWithoutExit_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Lock(AddressSpace mapping)
                {
                    {|#0:Monitor.Enter(mapping.FolioLock)|};
                }
            }
            """), StillHeld("FolioLock", "Lock"));

        [Fact]
        public Task WaitNotReleasedOnOneSwitchArm_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Fault(Mm mm, int kind)
                {
                    {|#0:mm.MmapLock.Wait()|};
                    switch (kind)
                    {
                        case 0:
                            mm.MmapLock.Release();
                            break;
                        case 1:
                            break;
                        default:
                            mm.MmapLock.Release();
                            break;
                    }
                }
            }
            """), StillHeld("MmapLock", "Fault"));

        [Fact]
        public Task LambdaThatKeepsALockHeld_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                Action Make(AddressSpace mapping) => () => {|#0:mapping.InvalidateLock.EnterReadLock()|};
            }
            """), StillHeld("InvalidateLock", "the lambda in Make"));

        [Fact]
        public Task ReleaseInCatchOnly_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    {|#0:sb.StartWrite()|};
                    try
                    {
                        Work();
                    }
                    catch (InvalidOperationException)
                    {
                        sb.EndWrite();
                        throw;
                    }
                }

                static void Work() { }
            }
            """), StillHeld("SbWriters", "Write"));

        [Fact]
        public Task AcquiresMethodKeepingItsLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Folio
            {
                [Lock("FolioLock")] private readonly object _lock = new();

                [Acquires("FolioLock")] public void Lock() => Monitor.Enter(_lock);

                [Releases("FolioLock")] public void Unlock() => Monitor.Exit(_lock);
            }
            """));

        [Fact]
        public Task ReleaseInTryFinally_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    sb.StartWrite();
                    try
                    {
                        Work();
                    }
                    finally
                    {
                        sb.EndWrite();
                    }
                }

                static void Work() { }
            }
            """));

        [Fact]
        public Task UsingStatementAndDeclaration_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    using (sb.StartWriteScope())
                    {
                    }

                    using var scope = sb.StartWriteScope();
                }
            }
            """));

        [Fact]
        public Task ReturnedOrStoredScope_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private IDisposable? _claim;

                IDisposable Begin(SuperBlock sb) => sb.StartWriteScope();

                IDisposable BeginViaLocal(SuperBlock sb)
                {
                    var scope = sb.StartWriteScope();
                    return scope;
                }

                void Claim(SuperBlock sb) => _claim = sb.StartWriteScope();

                void Hand(SuperBlock sb) => Keep(sb.StartWriteScope());

                static void Keep(IDisposable scope) { }
            }
            """));

        [Fact]
        public Task ReleaseOnEveryBranch_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb, int kind)
                {
                    sb.StartWrite();
                    if (kind == 0)
                    {
                        sb.EndWrite();
                        return;
                    }

                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task LockStatements_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                [Lock("FolioLock")] private readonly System.Threading.Lock _folio = new();

                void Write(AddressSpace mapping, bool stop)
                {
                    lock (mapping.FolioLock)
                    {
                        if (stop)
                            return;
                    }

                    lock (_folio)
                    {
                        if (stop)
                            throw new InvalidOperationException();
                    }
                }
            }
            """));

        [Fact]
        public Task SuccessfulTryEnterReleasedInItsBranch_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(AddressSpace mapping, Mm mm)
                {
                    if (Monitor.TryEnter(mapping.FolioLock))
                    {
                        try { } finally { Monitor.Exit(mapping.FolioLock); }
                    }

                    if (mm.MmapLock.Wait(10))
                        mm.MmapLock.Release();
                }
            }
            """));

        [Fact]
        public Task BalancedAcquisitionInLoop_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(AddressSpace mapping, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        mapping.InvalidateLock.EnterReadLock();
                        if (i % 2 == 0)
                        {
                            mapping.InvalidateLock.ExitReadLock();
                            continue;
                        }

                        mapping.InvalidateLock.ExitReadLock();
                    }
                }
            }
            """));

        [Fact]
        public Task ThrowBeforeRelease_IsNotAPathOutOfTheMethod() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb, int length)
                {
                    sb.StartWrite();
                    if (length < 0)
                        throw new ArgumentOutOfRangeException(nameof(length));
                    sb.EndWrite();
                }
            }
            """));

        [Fact]
        public Task AwaitedWaitAsyncReleasedInFinally_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                async System.Threading.Tasks.Task WriteAsync(Mm mm)
                {
                    await mm.MmapLock.WaitAsync();
                    try
                    {
                        await System.Threading.Tasks.Task.Yield();
                    }
                    finally
                    {
                        mm.MmapLock.Release();
                    }
                }
            }
            """));
    
        [Fact]
        public Task AwaitedWaitAsyncWithoutRelease_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                async System.Threading.Tasks.Task FaultAsync(Mm mm)
                {
                    await {|#0:mm.MmapLock.WaitAsync()|};
                }
            }
            """), StillHeld("MmapLock", "FaultAsync"));

        [Fact]
        public Task ScopeOnlyTestedForNull_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                int Probe(SuperBlock sb) => {|#0:sb.StartWriteScope()|} is null ? 0 : 1;
            }
            """), StillHeld("SbWriters", "Probe"));

        [Fact]
        public Task ScopeReturnedThroughAConditional_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                IDisposable? Begin(SuperBlock sb, bool write) => write ? sb.StartWriteScope() : null;
            }
            """));
    
        [Fact]
        public Task ReturnInsideUnloweredThreadingLock_IsNotReported() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + Preamble.With("""
            class C
            {
                [Lock("FolioLock")] private readonly System.Threading.Lock _folio = new();

                int M(bool early)
                {
                    lock (_folio)
                    {
                        if (early)
                            return 0;
                    }

                    return 1;
                }
            }
            """));
    
        [Fact]
        public Task TryResultKeptInALocal_HoldsOnlyWhereItIsTrue() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Probe(Mm mm)
                {
                    bool taken = mm.MmapLock.Wait(10);
                    if (taken)
                        mm.MmapLock.Release();
                }

                async System.Threading.Tasks.Task<bool> ProbeAsync(Mm mm)
                {
                    var acquired = await mm.MmapLock.WaitAsync(10).ConfigureAwait(false);
                    if (!acquired)
                        return false;
                    try
                    {
                        return true;
                    }
                    finally
                    {
                        mm.MmapLock.Release();
                    }
                }
            }
            """));

        [Fact]
        public Task TryResultKeptInALocalButNotReleased_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Probe(Mm mm)
                {
                    bool taken = {|#0:mm.MmapLock.Wait(10)|};
                    if (!taken)
                        return;
                }
            }
            """), StillHeld("MmapLock", "Probe"));
    }
}
