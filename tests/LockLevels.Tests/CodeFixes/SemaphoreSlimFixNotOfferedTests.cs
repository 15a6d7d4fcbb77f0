using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static LockLevels.Tests.CodeFixes.SemaphoreSlimFixSources;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule, LockLevels.CodeFixes.SemaphoreSlimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    /// <summary>Where the LL0008 fix is not offered, and the reason its diagnostic carries.</summary>
    public class SemaphoreSlimFixNotOfferedTests
    {
        [Fact]
        public Task FieldNotPrivate_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class C
            {
                internal readonly object Sync = new();

                async Task M()
                {
                    {|#1:Monitor.Enter(Sync)|};
                    try { {|#0:await|} Task.Yield(); }
                    finally { Monitor.Exit(Sync); }
                }
            }
            """, "'Sync' is not private, so code outside C may lock it", HeldAcross(0, 1, "C.Sync", "C.Sync.Enter"));

        [Fact]
        public Task FieldUsedOtherThanAsALock_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class C
            {
                private readonly object _sync = new();

                void Signal()
                {
                    lock (_sync) { Monitor.PulseAll(_sync); }
                }

                async Task M()
                {
                    {|#1:Monitor.Enter(_sync)|};
                    try { {|#0:await|} Task.Yield(); }
                    finally { Monitor.Exit(_sync); }
                }
            }
            """, "'_sync' cannot be rewritten: it is used other than through lock, Monitor.Enter and Monitor.Exit (line 10)", HeldAcross(0, 1, "C._sync", "C._sync.Enter"));

        [Fact]
        public Task ReentrantUse_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class C
            {
                private readonly object _sync = new();
                private int _count;

                void Add()
                {
                    lock (_sync) { Bump(); }
                }

                void Bump()
                {
                    lock (_sync) { _count++; }
                }

                async Task M()
                {
                    {|#1:Monitor.Enter(_sync)|};
                    try { {|#0:await|} Task.Yield(); }
                    finally { Monitor.Exit(_sync); }
                }
            }
            """, "'_sync' may be locked again while it is held, which a Monitor allows and a SemaphoreSlim would deadlock on", HeldAcross(0, 1, "C._sync", "C._sync.Enter"));

        [Fact]
        public Task EnterWithoutTryFinally_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class C
            {
                private readonly object _sync = new();

                async Task M()
                {
                    {|#1:Monitor.Enter(_sync)|};
                    {|#0:await|} Task.Yield();
                    Monitor.Exit(_sync);
                }
            }
            """, "'_sync' cannot be rewritten: an enter is not followed by try/finally (line 10)", HeldAcross(0, 1, "C._sync", "C._sync.Enter"));

        [Fact]
        public Task ReaderWriterLockSlimField_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class C
            {
                private readonly ReaderWriterLockSlim _rw = new();

                async Task M()
                {
                    {|#1:_rw.EnterReadLock()|};
                    try { {|#0:await|} Task.Yield(); }
                    finally { _rw.ExitReadLock(); }
                }
            }
            """, "'_rw' is a ReaderWriterLockSlim, not an object or Lock used as a lock", HeldAcross(0, 1, "C._rw", "C._rw.EnterReadLock", "ReaderWriterLockSlim"));

        [Fact]
        public Task LockTakenThroughACall_IsNotFixedAndSaysWhy() => AssertNotFixedAsync("""
            class Gate
            {
                private readonly object _sync = new();
                public void Enter() => Monitor.Enter(_sync);
                public void Exit() => Monitor.Exit(_sync);
            }

            class C
            {
                async Task M(Gate gate)
                {
                    {|#1:gate.Enter()|};
                    {|#0:await|} Task.Yield();
                    gate.Exit();
                }
            }
            """, "it is taken in Gate.Enter, not where it is awaited", HeldAcross(0, 1, "Gate._sync", "Gate.Enter → Gate._sync.Enter"));

        private static readonly Regex Markup = new(@"\{\|[^:]*:|\|\}");

        /// <summary>No fix is offered, and the diagnostic's property says why.</summary>
        private static async Task AssertNotFixedAsync(string code, string reason, DiagnosticResult expected)
        {
            await Verify.VerifyCompilationEndNoFixAsync(Usings + code, expected);
            var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(Markup.Replace(Usings + code, "")));
            var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.ThreadAffineLockAcrossAwait);
            Assert.False(reported.Properties.ContainsKey(SemaphoreSlimFix.Field));
            Assert.Equal(reason, reported.Properties[SemaphoreSlimFix.UnavailableReason]);
        }
    }
}
