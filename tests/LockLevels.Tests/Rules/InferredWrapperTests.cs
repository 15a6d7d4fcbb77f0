using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;
using VerifyOrder = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// Inferred wrappers (issue 13, item 2): an unannotated private or internal method, or a local function,
    /// that holds a level on every path out is checked in its callers as an [Acquires] call; one that only
    /// gives a level back, as a [Releases] call. Public and protected members keep LL0005.
    /// </summary>
    public class InferredWrapperTests
    {
        private static DiagnosticResult StillHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments(level, method);

        private static DiagnosticResult NotHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(0).WithArguments(level, method);

        // Before: LL0005 in Begin ('SbWriters' still held on some path out of Begin) and in End ('SbWriters'
        // released while not held); Write was balanced only by accident (it saw neither).
        [Fact]
        public Task PrivateAcquireAndReleaseWrappers_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void Begin() => _sb.StartWrite();

                private void End() => _sb.EndWrite();

                public void Write()
                {
                    Begin();
                    End();
                }
            }
            """));

        // Before: a wrapper that also said what must hold on entry ([CalledWithLocksNotHeld], [LockNesting]:
        // annotations of its callers' context, not of what it does) was no wrapper, and LL0005 was reported
        // in Begin and in Write.
        [Theory]
        [InlineData("[CalledWithLocksNotHeld(\"MmapLock\")]")]
        [InlineData("[LockNesting(\"this\", \"_sb\")]")]
        public Task WrapperWithEntryAnnotations_IsStillAWrapper(string annotation) => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                ANNOTATION
                private void Begin() => _sb.StartWrite();

                public void Write()
                {
                    Begin();
                    _sb.EndWrite();
                }
            }
            """.Replace("ANNOTATION", annotation)));

        // A wrapper that is only ever passed as a method group is called through its delegate: still a
        // wrapper (its own LL0005 would be false), found by name as the callers' calls are.
        [Fact]
        public Task WrapperUsedAsAMethodGroup_IsAWrapper() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void Begin() => _sb.StartWrite();

                public System.Action Starter() => Begin;
            }
            """));

        // The true shape in the caller: the wrapper's level is held on a path out of it.
        [Fact]
        public Task CallerThatSkipsTheRelease_IsReportedAtTheWrapperCall() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void Begin() => _sb.StartWrite();

                private void End() => _sb.EndWrite();

                public void Write(bool stop)
                {
                    {|#0:Begin()|};
                    if (stop)
                        return;
                    End();
                }
            }
            """), StillHeld("SbWriters", "Write"));

        // Before: the caller's own StartWrite was "still held" (End was not known to release it).
        [Fact]
        public Task ReleaseThroughAPrivateWrapper_BalancesTheCaller() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void End() => _sb.EndWrite();

                public void Write()
                {
                    _sb.StartWrite();
                    End();
                }
            }
            """));

        // The true shape: a release wrapper called with nothing held releases what is not held.
        [Fact]
        public Task ReleaseWrapperCalledWithNothingHeld_IsReportedAtTheCall() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void End() => _sb.EndWrite();

                public void Finish()
                {
                    {|#0:End()|};
                }
            }
            """), NotHeld("SbWriters", "Finish"));

        [Fact]
        public Task PublicWrapper_KeepsItsReport() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            public class C
            {
                private readonly SuperBlock _sb = new();

                public void Begin() => {|#0:_sb.StartWrite()|};

                public void Write() => Begin();
            }
            """), StillHeld("SbWriters", "Begin"));

        [Fact]
        public Task WrapperOfAWrapperAndALocalFunction_AreFollowed() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void Begin() => _sb.StartWrite();

                internal void BeginTwice() => Begin();

                public void Write()
                {
                    BeginTwice();
                    Release();

                    void Release() => _sb.EndWrite();
                }
            }
            """));

        // Held on one path only: no wrapper, and the report stays where the path is.
        [Fact]
        public Task WrapperHoldingOnOnePathOnly_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void MaybeBegin(bool write)
                {
                    if (write)
                        {|#0:_sb.StartWrite()|};
                }

                public void Write(bool write) => MaybeBegin(write);
            }
            """), StillHeld("SbWriters", "MaybeBegin"));

        // Recursion terminates and decides nothing: the recursive method is no wrapper.
        [Fact]
        public Task RecursiveHolder_IsNoWrapper() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly SuperBlock _sb = new();

                private void Begin(int depth)
                {
                    {|#0:_sb.StartWrite()|};
                    if (depth > 0)
                        Other(depth - 1);
                }

                private void Other(int depth) => Begin(depth);

                public void Write() => Begin(2);
            }
            """), StillHeld("SbWriters", "Begin"));

        private const string Pages = """

            sealed class Page
            {
                [Acquires("FolioLock")] public void Enter() { }
                [Releases("FolioLock")] public void Exit() { }
            }

            sealed class Pages
            {
                private readonly Page _a = new();
                private readonly Page? _b;

                private Token Lock()
                {
                    _a.Enter();
                    _b?.Enter();
                    return new Token(_a, _b);
                }

                public void Use()
                {
                    using (Lock())
                    {
                    }
                }

                public void UseDeclared()
                {
                    using var token = Lock();
                }

                public void Leak() => {|#0:Lock()|};

                private sealed class Token : IDisposable
                {
                    private readonly Page _a;
                    private readonly Page? _b;

                    public Token(Page a, Page? b)
                    {
                        _a = a;
                        _b = b;
                    }

                    public void Dispose()
                    {
                        _a.Exit();
                        if (_b != null)
                            _b.Exit();
                    }
                }
            }
            """;

        // 5b. Before: LL0005 in Lock (FolioLock still held), in Dispose (released while not held, twice), and
        // in Use and UseDeclared, which saw neither. Now the token method acquires, its Dispose releases,
        // and only Leak, which drops the token, is reported.
        [Fact]
        public Task TokenTakingZeroToTwoLocks_ReleasedByItsDispose() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + Preamble.With(Pages),
            StillHeld("FolioLock", "Leak"));

        // LL0100 through inferred wrappers of an unannotated lock. Before: EnterGate() left nothing held in
        // Transfer, so the gate → ledger order was never seen and the AB-BA with Audit went unreported. The
        // first pass lets wrapper inference bind only what may be a wrapper (WrapperReach): a public method of
        // an internal class is one, and so is a private helper two calls above the locking API.
        [Theory]
        [InlineData("private void EnterGate() => Monitor.Enter(_gate);", "EnterGate")]
        [InlineData("""
            public void EnterGate() => Monitor.Enter(_gate);

                private void EnterGateChecked() { if (_ledger != null) EnterGate(); else EnterGate(); }

                private void EnterGateLater() => EnterGateChecked();
            """, "EnterGateLater")]
        public Task UnannotatedLockTakenThroughWrappers_OrdersTheCallersLocks(string wrappers, string enter) => VerifyOrder.VerifyAnalyzerAsync("""
            using System.Threading;

            class Bank
            {
                private readonly object _gate = new();
                private readonly object _ledger = new();

                WRAPPERS

                private void ExitGate() => Monitor.Exit(_gate);

                void Transfer()
                {
                    ENTER();
                    lock ({|#0:_ledger|}) { }
                    ExitGate();
                }

                void Audit()
                {
                    lock (_ledger)
                    {
                        lock ({|#1:_gate|}) { }
                    }
                }
            }
            """.Replace("WRAPPERS", wrappers).Replace("ENTER", enter), VerifyOrder.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage("possible lock-order inversion between unannotated locks: Bank._gate → Bank._ledger (Transfer: lock (Bank._ledger)) → Bank._gate (Audit: lock (Bank._gate))"));
    }
}
