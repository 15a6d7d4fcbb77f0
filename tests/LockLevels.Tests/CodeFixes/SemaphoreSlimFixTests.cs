using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule, LockLevels.CodeFixes.SemaphoreSlimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    /// <summary>
    /// The LL0008 fix: a private lock field becomes a SemaphoreSlim(1, 1). LL0008 is reported at
    /// compilation end, so the testing library's local-diagnostic check is skipped (as for LL0003).
    /// </summary>
    public class SemaphoreSlimFixTests
    {
        private const string Usings = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static DiagnosticResult HeldAcross(int await, int site, string level, string takenBy, string primitive = "Monitor lock")
            => Verify.Diagnostic(DiagnosticIds.ThreadAffineLockAcrossAwait).WithLocation(await).WithLocation(site).WithArguments(level, takenBy, primitive);

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
    }
}
