using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0008: #0 marks the await keyword, #1 where the lock was taken.</summary>
    public class ThreadAffineAwaitTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using LockLevels;

            [assembly: LockHierarchy("Outer", "Inner")]

            """;

        private static string Source(string code) => Usings + code;

        private static DiagnosticResult HeldAcross(string level, string takenBy, string primitive)
            => Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(0).WithLocation(1).WithArguments(level, takenBy, primitive);

        [Fact]
        public Task MonitorEnterAcrossAwait_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();

                async Task M()
                {
                    {|#1:Monitor.Enter(_sync)|};
                    try
                    {
                        {|#0:await|} Task.Yield();
                    }
                    finally
                    {
                        Monitor.Exit(_sync);
                    }
                }
            }
            """), HeldAcross("C._sync", "C._sync.Enter", "Monitor lock"));

        [Fact]
        public Task AwaitForeachAndAwaitUsing_AreReported() => Verify.VerifyAnalyzerAsync(Source("""
            sealed class Scope : IAsyncDisposable { public ValueTask DisposeAsync() => default; }
            class C
            {
                [Lock("Inner")] private readonly ReaderWriterLockSlim _rw = new();

                async Task M(IAsyncEnumerable<int> items)
                {
                    {|#1:_rw.EnterReadLock()|};
                    {|#0:await|} foreach (var item in items) { }
                    {|#2:await|} using (new Scope()) { }
                    {
                        // Disposed (awaited) where the block ends, still under the lock.
                        {|#3:await|} using var scope = new Scope();
                    }

                    _rw.ExitReadLock();
                }
            }
            """),
            HeldAcross("Inner", "C._rw.EnterReadLock", "ReaderWriterLockSlim"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(1).WithArguments("Inner", "C._rw.EnterReadLock", "ReaderWriterLockSlim"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(3).WithLocation(1).WithArguments("Inner", "C._rw.EnterReadLock", "ReaderWriterLockSlim"));

        [Fact]
        public Task SemaphoreSlimAcrossAwait_IsNotReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                async Task M()
                {
                    await _gate.WaitAsync();
                    try
                    {
                        await Task.Yield();
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """));

        [Fact]
        public Task MonitorTryEnterAcrossAwait_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private static readonly object s_sync = new();

                async Task M()
                {
                    if ({|#1:Monitor.TryEnter(s_sync)|})
                    {
                        {|#0:await|} Task.Yield();
                        Monitor.Exit(s_sync);
                    }
                }
            }
            """), HeldAcross("C.s_sync", "C.s_sync.TryEnter", "Monitor lock"));

        [Fact]
        public Task ReaderWriterLockSlimWriteAndUpgradeableRead_AreReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly ReaderWriterLockSlim _rw = new();

                async Task Write()
                {
                    {|#1:_rw.EnterWriteLock()|};
                    {|#0:await|} Task.Yield();
                    _rw.ExitWriteLock();
                }

                async Task Upgrade()
                {
                    {|#3:_rw.EnterUpgradeableReadLock()|};
                    {|#2:await|} Task.Yield();
                    _rw.ExitUpgradeableReadLock();
                }
            }
            """),
            HeldAcross("C._rw", "C._rw.EnterWriteLock", "ReaderWriterLockSlim"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(3).WithArguments("C._rw", "C._rw.EnterUpgradeableReadLock", "ReaderWriterLockSlim"));

        [Fact]
        public Task MutexWaitOneAcrossAwait_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly Mutex _mutex = new();

                async Task M()
                {
                    {|#1:_mutex.WaitOne()|};
                    {|#0:await|} Task.Yield();
                    _mutex.ReleaseMutex();
                }
            }
            """), HeldAcross("C._mutex", "C._mutex.WaitOne", "Mutex"));

        [Fact]
        public Task SpinLockEnterAcrossAwait_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private SpinLock _spin = new();

                async Task M()
                {
                    bool taken = false;
                    {|#1:_spin.Enter(ref taken)|};
                    {|#0:await|} Task.Yield();
                    if (taken) _spin.Exit();
                }
            }
            """), HeldAcross("C._spin", "C._spin.Enter", "SpinLock"));

        [Fact]
        public Task SpinLockReleasedInFinallyBeforeAwait_IsNotReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private SpinLock _spin = new();
                private int _count;

                async Task M()
                {
                    bool taken = false;
                    try
                    {
                        _spin.Enter(ref taken);
                        _count++;
                    }
                    finally
                    {
                        if (taken) _spin.Exit();
                    }

                    await Task.Yield();
                }
            }
            """));

        [Fact]
        public Task ThreadingLockEnterScopeAndTryEnter_AreReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly Lock _gate = new();

                async Task Scoped()
                {
                    using ({|#1:_gate.EnterScope()|})
                    {
                        {|#0:await|} Task.Yield();
                    }
                }

                async Task Tried()
                {
                    if ({|#3:_gate.TryEnter()|})
                    {
                        try { {|#2:await|} Task.Yield(); }
                        finally { _gate.Exit(); }
                    }
                }
            }
            """),
            HeldAcross("C._gate", "C._gate.EnterScope", "System.Threading.Lock"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(3).WithArguments("C._gate", "C._gate.TryEnter", "System.Threading.Lock"));

        [Fact]
        public Task ReleasedBeforeTheAwait_IsNotReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();
                private int _count;

                async Task M()
                {
                    lock (_sync) { _count++; }
                    Monitor.Enter(_sync);
                    try { _count++; }
                    finally { Monitor.Exit(_sync); }
                    await Task.Yield();
                }
            }
            """));

        [Fact]
        public Task HeldOnOnePathOnly_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();

                async Task M(bool early)
                {
                    {|#1:Monitor.Enter(_sync)|};
                    if (early)
                        Monitor.Exit(_sync);
                    {|#0:await|} Task.Yield();
                    if (!early)
                        Monitor.Exit(_sync);
                }
            }
            """), HeldAcross("C._sync", "C._sync.Enter", "Monitor lock"));

        private const string Gates = """
            class Gate
            {
                [Lock("Outer")] private readonly object _lock = new();
                [Acquires("Outer")] public void Enter() => Monitor.Enter(_lock);
                [Releases("Outer")] public void Exit() => Monitor.Exit(_lock);
            }

            class AsyncGate
            {
                [Lock("Inner")] private readonly SemaphoreSlim _lock = new(1, 1);
                [Acquires("Inner")] public void Enter() => _lock.Wait();
                [Releases("Inner")] public void Exit() => _lock.Release();
            }

            class Plain
            {
                private readonly object _sync = new();
                public void Enter() => Monitor.Enter(_sync);
                public void Exit() => Monitor.Exit(_sync);
                public void EnterTwoDeep() => Enter();
            }

            """;

        [Fact]
        public Task AcquiresMethodBackedByMonitor_IsReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                async Task M(Gate gate)
                {
                    {|#1:gate.Enter()|};
                    {|#0:await|} Task.Yield();
                    gate.Exit();
                }
            }
            """), HeldAcross("Outer", "Gate.Enter → Gate._lock.Enter", "Monitor lock"));

        [Fact]
        public Task AcquiresMethodBackedBySemaphoreSlim_IsNotReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                async Task M(AsyncGate gate)
                {
                    gate.Enter();
                    await Task.Yield();
                    gate.Exit();
                }
            }
            """));

        [Fact]
        public Task UnannotatedMethodReturningHolding_OneCallDeep_IsReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                async Task M(Plain plain)
                {
                    {|#1:plain.Enter()|};
                    {|#0:await|} Task.Yield();
                    plain.Exit();
                }
            }
            """), HeldAcross("Plain._sync", "Plain.Enter → Plain._sync.Enter", "Monitor lock"));

        [Fact]
        public Task UnannotatedMethodReturningHolding_TwoCallsDeep_IsReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                async Task M(Plain plain)
                {
                    {|#1:plain.EnterTwoDeep()|};
                    {|#0:await|} Task.Yield();
                    plain.Exit();
                }
            }
            """), HeldAcross("Plain._sync", "Plain.EnterTwoDeep → Plain.Enter → Plain._sync.Enter", "Monitor lock"));

        [Fact]
        public Task UnannotatedMethodReleasedBeforeTheAwait_IsNotReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                async Task M(Plain plain)
                {
                    plain.Enter();
                    plain.Exit();
                    await Task.Yield();
                }
            }
            """));

        [Fact]
        public Task AsyncLambdaAndLocalFunction_AreReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();

                Func<Task> M()
                {
                    async Task Local()
                    {
                        {|#1:Monitor.Enter(_sync)|};
                        {|#0:await|} Task.Yield();
                        Monitor.Exit(_sync);
                    }

                    _ = Local();
                    return async () =>
                    {
                        {|#3:Monitor.Enter(_sync)|};
                        {|#2:await|} Task.Yield();
                        Monitor.Exit(_sync);
                    };
                }
            }
            """),
            HeldAcross("C._sync", "C._sync.Enter", "Monitor lock"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(3).WithArguments("C._sync", "C._sync.Enter", "Monitor lock"));

        [Fact]
        public Task AsyncLambdaThroughCalls_OneAndTwoDeep_AreReported() => Verify.VerifyAnalyzerAsync(Source(Gates + """
            class C
            {
                Func<Plain, Task> One() => async plain =>
                {
                    {|#1:plain.Enter()|};
                    {|#0:await|} Task.Yield();
                    plain.Exit();
                };

                Func<Plain, Task> Two() => async plain =>
                {
                    {|#3:plain.EnterTwoDeep()|};
                    {|#2:await|} Task.Yield();
                    plain.Exit();
                };
            }
            """),
            HeldAcross("Plain._sync", "Plain.Enter → Plain._sync.Enter", "Monitor lock"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(3).WithArguments("Plain._sync", "Plain.EnterTwoDeep → Plain.Enter → Plain._sync.Enter", "Monitor lock"));

        [Fact]
        public Task LocalFunctionReturningHolding_IsReported() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();

                async Task M()
                {
                    void Take() => Monitor.Enter(_sync);
                    {|#1:Take()|};
                    {|#0:await|} Task.Yield();
                    Monitor.Exit(_sync);
                }
            }
            """), HeldAcross("C._sync", "Take → C._sync.Enter", "Monitor lock"));

        private const string Leases = """
            sealed class Releaser : IDisposable
            {
                private readonly Pool _pool;
                public Releaser(Pool pool) => _pool = pool;
                public void Dispose() => _pool.Exit();
            }

            sealed class Pool
            {
                private readonly object _sync = new();
                private readonly Lock _gate = new();
                public IDisposable Lease() { Monitor.Enter(_sync); return new Releaser(this); }
                public void Exit() => Monitor.Exit(_sync);
                public Lock.Scope Scope() => _gate.EnterScope();
            }

            """;

        [Fact]
        public Task UsingALeaseAroundTheAwait_IsReported() => Verify.VerifyAnalyzerAsync(Source(Leases + """
            class C
            {
                async Task Inside(Pool pool)
                {
                    using ({|#1:pool.Lease()|})
                    {
                        {|#0:await|} Task.Yield();
                    }
                }

                async Task Declared(Pool pool)
                {
                    using var lease = {|#3:pool.Lease()|};
                    {|#2:await|} Task.Yield();
                }
            }
            """),
            HeldAcross("Pool._sync", "Pool.Lease → Pool._sync.Enter", "Monitor lock"),
            Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(2).WithLocation(3).WithArguments("Pool._sync", "Pool.Lease → Pool._sync.Enter", "Monitor lock"));

        [Fact]
        public Task LeaseDisposedBeforeTheAwait_IsNotReported() => Verify.VerifyAnalyzerAsync(Source(Leases + """
            class C
            {
                async Task M(Pool pool)
                {
                    using (pool.Lease())
                    {
                    }

                    await Task.Yield();
                }

                void Sync(Pool pool)
                {
                    using var lease = pool.Lease();
                }

                async Task AfterSync(Pool pool)
                {
                    Sync(pool);
                    await Task.Yield();
                }
            }
            """));

        [Fact]
        public Task ReturnInsideALockOnALock_IsNotHeldByTheCaller() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + Source("""
            class Bucket
            {
                private readonly Lock _lock = new();
                private int _tokens;

                public bool TryTake()
                {
                    lock (_lock)
                    {
                        if (_tokens == 0)
                            return false;
                        _tokens--;
                        return true;
                    }
                }
            }

            class C
            {
                async Task M(Bucket bucket)
                {
                    while (!bucket.TryTake())
                        await Task.Yield();
                }
            }
            """));

        private const string HeldAcrossOneAwait = """
            class C
            {
                private readonly object _sync = new();

                async Task M()
                {
                    {|#1:Monitor.Enter(_sync)|};
                    try { {|#0:await|} Task.Yield(); }
                    finally { Monitor.Exit(_sync); }
                }
            }
            """;

        [Fact]
        public async Task SeverityNoneInEditorConfig_ReportsNothing()
        {
            var test = new Verify.Test { TestCode = Source(HeldAcrossOneAwait.Replace("{|#1:", "").Replace("{|#0:", "").Replace("|}", "")) };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.LL0008.severity = none\n")));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
