using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
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
    }
}
