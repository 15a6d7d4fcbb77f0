using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static LockLevels.Tests.CodeFixes.SemaphoreSlimFixSources;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule, LockLevels.CodeFixes.SemaphoreSlimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    /// <summary>
    /// The LL0008 fix where it is offered: a private lock field becomes a SemaphoreSlim(1, 1). LL0008 is
    /// reported at compilation end, so the testing library's local-diagnostic check is skipped (as for LL0003).
    /// </summary>
    public class SemaphoreSlimFixTests
    {
        [Fact]
        public Task FieldUsedInSyncAndAsyncMethods_BecomesASemaphore() => Verify.VerifyCompilationEndCodeFixAsync(Usings + """
            class Counter
            {
                private readonly object _sync = new();
                private int _count;

                public void Increment()
                {
                    lock (_sync)
                    {
                        _count++;
                    }
                }

                public async Task ResetAsync()
                {
                    lock (_sync)
                        _count = 0;
                    {|#1:Monitor.Enter(_sync)|};
                    try
                    {
                        {|#0:await|} Task.Yield();
                        _count = 1;
                    }
                    finally
                    {
                        Monitor.Exit(_sync);
                    }
                }
            }
            """, Usings + """
            class Counter
            {
                private readonly SemaphoreSlim _sync = new SemaphoreSlim(1, 1);
                private int _count;

                public void Increment()
                {
                    _sync.Wait();
                    try
                    {
                        _count++;
                    }
                    finally
                    {
                        _sync.Release();
                    }
                }

                public async Task ResetAsync()
                {
                    await _sync.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        _count = 0;
                    }
                    finally
                    {
                        _sync.Release();
                    }
                    await _sync.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.Yield();
                        _count = 1;
                    }
                    finally
                    {
                        _sync.Release();
                    }
                }
            }
            """, HeldAcross(0, 1, "Counter._sync", "Counter._sync.Enter"));

        [Fact]
        public Task ThreadingLockField_BecomesASemaphore() => Verify.VerifyCompilationEndCodeFixAsync(Usings + """
            class Cache
            {
                private static readonly Lock s_gate = new();

                public static void Clear()
                {
                    lock (s_gate) { }
                }

                public static async Task RefreshAsync()
                {
                    {|#1:s_gate.Enter()|};
                    try
                    {
                        {|#0:await|} Task.Yield();
                    }
                    finally
                    {
                        s_gate.Exit();
                    }
                }
            }
            """, Usings + """
            class Cache
            {
                private static readonly SemaphoreSlim s_gate = new SemaphoreSlim(1, 1);

                public static void Clear()
                {
                    s_gate.Wait();
                    try
                    { }
                    finally
                    {
                        s_gate.Release();
                    }
                }

                public static async Task RefreshAsync()
                {
                    await s_gate.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        await Task.Yield();
                    }
                    finally
                    {
                        s_gate.Release();
                    }
                }
            }
            """, HeldAcross(0, 1, "Cache.s_gate", "Cache.s_gate.Enter", "System.Threading.Lock"));

        [Fact]
        public async Task FixAll_RewritesEachFieldOnceAcrossDocuments()
        {
            const string first = """
                partial class Pool
                {
                    private readonly object _sync = new();
                    private readonly object _stats = new();

                    public async Task LeaseAsync()
                    {
                        Monitor.Enter(_sync);
                        try { {|LL0008:await|} Task.Yield(); }
                        finally { Monitor.Exit(_sync); }
                        Monitor.Enter(_sync);
                        try { {|LL0008:await|} Task.Yield(); }
                        finally { Monitor.Exit(_sync); }
                    }
                }
                """;
            const string second = """
                partial class Pool
                {
                    public async Task CountAsync()
                    {
                        Monitor.Enter(_stats);
                        try { {|LL0008:await|} Task.Yield(); }
                        finally { Monitor.Exit(_stats); }
                    }
                }
                """;
            const string firstFixed = """
                partial class Pool
                {
                    private readonly SemaphoreSlim _sync = new SemaphoreSlim(1, 1);
                    private readonly SemaphoreSlim _stats = new SemaphoreSlim(1, 1);

                    public async Task LeaseAsync()
                    {
                        await _sync.WaitAsync().ConfigureAwait(false);
                        try { await Task.Yield(); }
                        finally { _sync.Release(); }
                        await _sync.WaitAsync().ConfigureAwait(false);
                        try { await Task.Yield(); }
                        finally { _sync.Release(); }
                    }
                }
                """;
            const string secondFixed = """
                partial class Pool
                {
                    public async Task CountAsync()
                    {
                        await _stats.WaitAsync().ConfigureAwait(false);
                        try { await Task.Yield(); }
                        finally { _stats.Release(); }
                    }
                }
                """;

            var test = new Verify.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
            test.TestState.Sources.Add(Usings + first);
            test.TestState.Sources.Add(Usings + second);
            test.FixedState.Sources.Add(Usings + firstFixed);
            test.FixedState.Sources.Add(Usings + secondFixed);
            test.BatchFixedState.Sources.Add(Usings + firstFixed);
            test.BatchFixedState.Sources.Add(Usings + secondFixed);
            test.NumberOfIncrementalIterations = 2;
            test.NumberOfFixAllIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 1;
            await test.RunAsync(System.Threading.CancellationToken.None);
            await Verify.AssertCleanAsync(Usings + firstFixed, Usings + secondFixed);
        }

        [Fact]
        public async Task FixAll_NestedLocksOfTwoFields_AreBothRewritten()
        {
            const string source = """
                class Ledger
                {
                    private readonly object _accounts = new();
                    private readonly object _journal = new();
                    private int _entries;

                    public void Post()
                    {
                        lock (_accounts)
                        {
                            lock (_journal)
                            {
                                _entries++;
                            }
                        }
                    }

                    public async Task SaveAsync()
                    {
                        Monitor.Enter(_accounts);
                        try { {|LL0008:await|} Task.Yield(); }
                        finally { Monitor.Exit(_accounts); }
                        Monitor.Enter(_journal);
                        try { {|LL0008:await|} Task.Yield(); }
                        finally { Monitor.Exit(_journal); }
                    }
                }
                """;
            const string fixedSource = """
                class Ledger
                {
                    private readonly SemaphoreSlim _accounts = new SemaphoreSlim(1, 1);
                    private readonly SemaphoreSlim _journal = new SemaphoreSlim(1, 1);
                    private int _entries;

                    public void Post()
                    {
                        _accounts.Wait();
                        try
                        {
                            _journal.Wait();
                            try
                            {
                                _entries++;
                            }
                            finally
                            {
                                _journal.Release();
                            }
                        }
                        finally
                        {
                            _accounts.Release();
                        }
                    }

                    public async Task SaveAsync()
                    {
                        await _accounts.WaitAsync().ConfigureAwait(false);
                        try { await Task.Yield(); }
                        finally { _accounts.Release(); }
                        await _journal.WaitAsync().ConfigureAwait(false);
                        try { await Task.Yield(); }
                        finally { _journal.Release(); }
                    }
                }
                """;

            var test = new Verify.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
            test.TestState.Sources.Add(Usings + source);
            test.FixedState.Sources.Add(Usings + fixedSource);
            test.BatchFixedState.Sources.Add(Usings + fixedSource);
            test.NumberOfIncrementalIterations = 2;
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync(System.Threading.CancellationToken.None);
            await Verify.AssertCleanAsync(Usings + fixedSource);
        }
    }
}
