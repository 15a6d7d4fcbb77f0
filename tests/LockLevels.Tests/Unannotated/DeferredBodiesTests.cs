using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using AwaitVerify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule>;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>
    /// Bodies the first pass defers (they reach a lock only through their callees) are analysed at compilation
    /// end when the whole program needs them; each case is one reason to need one, and is missed without it.
    /// </summary>
    public class DeferredBodiesTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        [Fact]
        public Task LockFreeMethodCalledUnderALock_IsAnalysed() => Verify.VerifyAnalyzerAsync("""
            class Store
            {
                private static readonly object Index = new();
                private static readonly object Journal = new();

                public void Save() { lock (Index) { {|#0:Persist()|}; } }
                private void Persist() => Flush();
                private void Flush() => Append();
                private void Append() { lock ({|#1:Journal|}) { } }
                public void Replay() { lock (Journal) { lock ({|#2:Index|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Store.Index → Store.Journal (Save: Store.Persist → Store.Flush → Store.Append → lock (Store.Journal)) → Store.Index (Replay: lock (Store.Index))"));

        [Fact]
        public Task OverrideCalledUnderALock_IsAnalysedBeforeTheDispatchKnowsIt() => Verify.VerifyAnalyzerAsync("""
            abstract class Step
            {
                public abstract void Run();
            }

            sealed class SaveStep : Step
            {
                public override void Run() => Store.Append();
            }

            static class Store
            {
                public static readonly object Index = new();
                private static readonly object Journal = new();

                public static void Append() { lock ({|#1:Journal|}) { } }
                public static void Execute(Step step) { lock (Index) { {|#0:step.Run()|}; } }
                public static void Replay() { lock (Journal) { lock ({|#2:Index|}) { } } }
                public static Step Make() => new SaveStep();
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Store.Index → Store.Journal (Execute: SaveStep.Run → Store.Append → lock (Store.Journal)) → Store.Index (Replay: lock (Store.Index))"));

        [Fact]
        public Task CallerOfAWrapperOfAWrapper_IsAnalysed() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;

            class Journal
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private readonly object _file = new();

                private void Take() => _gate.Wait();
                private void TakeFirst() => Take();
                private void Give() => _gate.Release();

                public void Write()
                {
                    TakeFirst();
                    try { {|#0:Append()|}; }
                    finally { Give(); }
                }

                private void Append() { lock (_file) { } }

                public void Rotate() { lock (_file) { {|#1:_gate.Wait()|}; _gate.Release(); } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Journal._file → Journal._gate (Rotate: Journal._gate.Wait) → Journal._file (Write: Journal.Append → lock (Journal._file))"));

        [Fact]
        public Task CallerOfAHelperThatRunsUnderALock_IsAnalysedForItsCallSite() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Pool : IDisposable
            {
                private readonly object _a = new();
                private readonly object _b = new();

                public void Dispose() { lock (_a) { Drain(); } }

                public void Trim() => TrimNow();

                private void TrimNow() => Drain();

                public void Use() { lock (_a) { lock ({|#0:_b|}) { } } }

                private void Drain() { lock (_b) { lock ({|#1:_a|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Pool._a → Pool._b (Use: lock (Pool._b)) → Pool._a (Drain: lock (Pool._a))"));

        [Fact]
        public Task CreationInALockFreeMethod_MakesTheOverrideLive() => Verify.VerifyAnalyzerAsync("""
            abstract class Handler
            {
                public abstract void Handle();
            }

            sealed class Flusher : Handler
            {
                public override void Handle() { lock ({|#1:Hub.Sync|}) { } }
            }

            static class Hub
            {
                public static readonly object Sync = new();
                private static readonly object Queue = new();

                public static void Post(Handler handler) { lock (Queue) { {|#0:handler.Handle()|}; } }
                public static void Pump() { lock (Sync) { lock ({|#2:Queue|}) { } } }
                public static Handler Make() { Touch(); return new Flusher(); }
                private static void Touch() { lock (Sync) { } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Hub.Queue → Hub.Sync (Post: Flusher.Handle → lock (Hub.Sync)) → Hub.Queue (Pump: lock (Hub.Queue))"));

        [Fact]
        public Task CallerOfAMethodThatReturnsHoldingAMonitor_IsAnalysed() => AwaitVerify.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            public class Plain
            {
                private readonly object _sync = new();
                public void Hold() => Monitor.Enter(_sync);
                public void Unhold() => Monitor.Exit(_sync);
                public void HoldTwoDeep() => Hold();
            }

            public class C
            {
                public async Task M(Plain plain)
                {
                    {|#1:plain.HoldTwoDeep()|};
                    {|#0:await|} Task.Yield();
                    plain.Unhold();
                }
            }
            """,
            AwaitVerify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(0).WithLocation(1)
                .WithArguments("Plain._sync", "Plain.HoldTwoDeep → Plain.Hold → Plain._sync.Enter", "Monitor lock"));
    }
}
