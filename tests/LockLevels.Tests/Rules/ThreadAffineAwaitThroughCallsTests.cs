using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using static LockLevels.Tests.Rules.ThreadAffineAwaitSources;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0008 through calls, lambdas and local functions: #0 marks the await keyword, #1 the call that took the lock.</summary>
    public class ThreadAffineAwaitThroughCallsTests
    {
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
            HeldAcross(2, 3, "C._sync", "C._sync.Enter", "Monitor lock"));

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
            HeldAcross(2, 3, "Plain._sync", "Plain.EnterTwoDeep → Plain.Enter → Plain._sync.Enter", "Monitor lock"));

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
            HeldAcross(2, 3, "Pool._sync", "Pool.Lease → Pool._sync.Enter", "Monitor lock"));

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

        [Fact]
        public Task AsyncMethodWhoseLockStatementEndsInsideATryWithACatch_ReturnsHoldingNothing() => Verify.VerifyAnalyzerAsync(Source("""
            class Store
            {
                private readonly object _messages = new();

                public async Task UpdateAsync(bool save)
                {
                    try
                    {
                        lock (_messages)
                        {
                            save = !save;
                        }

                        if (save)
                        {
                            await Task.Yield();
                        }
                    }
                    catch (Exception)
                    {
                    }
                }
            }

            class C
            {
                async Task M(Store store)
                {
                    await store.UpdateAsync(true);
                    await Task.Yield();
                }
            }
            """));
    }
}
