using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static LockLevels.Tests.Rules.ThreadAffineAwaitSources;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0008 within one method: #0 marks the await keyword, #1 where the lock was taken.</summary>
    public class ThreadAffineAwaitTests
    {
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
            HeldAcross(2, 1, "Inner", "C._rw.EnterReadLock", "ReaderWriterLockSlim"),
            HeldAcross(3, 1, "Inner", "C._rw.EnterReadLock", "ReaderWriterLockSlim"));

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
            HeldAcross(2, 3, "C._rw", "C._rw.EnterUpgradeableReadLock", "ReaderWriterLockSlim"));

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
            HeldAcross(2, 3, "C._gate", "C._gate.TryEnter", "System.Threading.Lock"));

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
        private const string HeldAcrossOneAwait = """
            class C
            {
                private readonly object _sync = new();

                async Task M()
                {
                    Monitor.Enter(_sync);
                    try { await Task.Yield(); }
                    finally { Monitor.Exit(_sync); }
                }
            }
            """;

        [Fact]
        public async Task SeverityNoneInEditorConfig_ReportsNothing()
        {
            var test = new Verify.Test { TestCode = Source(HeldAcrossOneAwait) };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", SourceText.From("root = true\n\n[*.cs]\ndotnet_diagnostic.LL0008.severity = none\n")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task AwaitInACatchOfATryThatThrowsWhileHolding_IsReported_ButNotAfterALockStatement() => Verify.VerifyAnalyzerAsync(Source("""
            class C
            {
                private readonly object _sync = new();
                private readonly object _other = new();

                async Task M()
                {
                    try
                    {
                        lock (_other) { Work(); }
                        {|#1:Monitor.Enter(_sync)|};
                        if (Work())
                        {
                            throw new InvalidOperationException();
                        }

                        Monitor.Exit(_sync);
                    }
                    catch (InvalidOperationException)
                    {
                        {|#0:await|} Task.Yield();
                    }
                }

                bool Work() => false;
            }
            """), HeldAcross("C._sync", "C._sync.Enter", "Monitor lock"));
    }
}
