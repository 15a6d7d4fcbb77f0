using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NonReentrantReacquiredRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// LL0009 and a hand-back inside a try whose finally takes the lock again: the exception a release would throw
    /// leaves nothing held, but one from before the release, or a finally with no hand-back at all, still holds it.
    /// </summary>
    public class NonReentrantHandBackFinallyTests
    {
        private const string SemaphoreFails = "a SemaphoreSlim with one slot is not re-entrant: the second wait never returns";

        // Before: the flow let an exception leave the inner try from before its Release, with the lock still
        // held, so the finally's wait held it twice and the catch's wait, after one release, took it again.
        [Fact]
        public Task HandBackInATryWhoseFinallyTakesTheLockAgain_IsNotARetakingInTheCatch() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private Func<Task> _callback;

                async Task PumpAsync()
                {
                    await _gate.WaitAsync();
                    try
                    {
                        try
                        {
                            try
                            {
                                _gate.Release();
                                await _callback();
                            }
                            finally
                            {
                                await _gate.WaitAsync();
                            }
                        }
                        catch (Exception)
                        {
                            _gate.Release();
                            await _gate.WaitAsync();
                        }
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """));

        // The exception the callback throws before the release leaves the inner try holding the lock: the
        // finally's wait then holds it twice, and the catch's wait after one release takes it again.
        [Fact]
        public Task ReleaseAfterTheCallbackInATryWhoseFinallyTakesTheLockAgain_IsReportedInTheCatch() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private Func<Task> _callback;

                async Task PumpAsync()
                {
                    await {|#1:_gate.WaitAsync()|};
                    try
                    {
                        try
                        {
                            try
                            {
                                await _callback();
                                _gate.Release();
                            }
                            finally
                            {
                                await _gate.WaitAsync();
                            }
                        }
                        catch (Exception)
                        {
                            _gate.Release();
                            await {|#0:_gate.WaitAsync()|};
                        }
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Pipe._gate", "Pipe._gate.WaitAsync", "Pipe._gate.WaitAsync", SemaphoreFails));

        // NotifyAsync returns holding the lock on every path: an inferred wrapper, whose call is the acquisition.
        [Fact]
        public Task FinallyThatTakesTheHeldLockAgainWithoutAHandBack_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private Func<Task> _callback;

                async Task RunAsync()
                {
                    await {|#1:_gate.WaitAsync()|};
                    try { await {|#0:NotifyAsync()|}; } finally { _gate.Release(); }
                }

                async Task NotifyAsync()
                {
                    try { await _callback(); } finally { await _gate.WaitAsync(); }
                }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Pipe._gate", "Pipe._gate.WaitAsync", "Pipe.NotifyAsync", SemaphoreFails));

        [Fact]
        public Task HandBackBeforeATryWhoseFinallyTakesTheLockAgain_IsNotARetaking() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private Func<Task> _callback;

                async Task RunAsync()
                {
                    await _gate.WaitAsync();
                    try { await NotifyAsync(); } finally { _gate.Release(); }
                }

                async Task NotifyAsync()
                {
                    _gate.Release();
                    try { await _callback(); } finally { await _gate.WaitAsync(); }
                }
            }
            """));
    }
}
