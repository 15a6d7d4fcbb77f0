using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// LL0005 along loops (issue 13, item 5d): a loop that only acquires a level, followed by a loop that only
    /// releases it over the same collection or bound, is balanced. Each shape that used to give a false
    /// report, next to the true shapes beside it that must stay reported.
    /// </summary>
    public class UnbalancedLoopTests
    {
        private static DiagnosticResult StillHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments(level, method);

        private static DiagnosticResult NotHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(0).WithArguments(level, method);

        /// <summary>A folio with a [Lock] field and level-named [Acquires]/[Releases]; a receiver-level lock class.</summary>
        private const string Folios = """

            sealed class Folio
            {
                [Lock("FolioLock")] public readonly object Gate = new();
                public Folio? Next;
                [Acquires("FolioLock")] public void Lock() => Monitor.Enter(Gate);
                [Releases("FolioLock")] public void Unlock() => Monitor.Exit(Gate);
            }

            [Lock("MmapLock")]
            sealed class MmapGate
            {
                [Acquires] public void Enter() => Monitor.Enter(this);
                [Releases] public void Exit() => Monitor.Exit(this);
            }
            """;

        private static string With(string code) => Preamble.With(code) + Folios;

        // Before: the first loop may run any number of times, so after the second the level was still
        // "held on some path" (LL0005 "'FolioLock' acquired here is still held on some path out of Flush" at
        // the Monitor.Enter).
        [Fact]
        public Task ForLoops_MonitorOverAnArray_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    for (int i = 0; i < folios.Length; i++) Monitor.Enter(folios[i].Gate);
                    try { Work(); }
                    finally { for (int i = 0; i < folios.Length; i++) Monitor.Exit(folios[i].Gate); }
                }

                static void Work() { }
            }
            """));

        // Before: LL0005 still held at folio.Lock() in the first foreach.
        [Fact]
        public Task ForeachLoops_AnnotatedLevelOverAList_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                private readonly System.Collections.Generic.List<Folio> _batch = new();

                void Flush()
                {
                    foreach (var folio in _batch) folio.Lock();
                    try { }
                    finally
                    {
                        foreach (var folio in _batch) folio.Unlock();
                    }
                }
            }
            """));

        // Before: LL0005 still held at gate.Enter() (a receiver-level [Acquires]).
        [Fact]
        public Task ForeachLoops_ReceiverLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(MmapGate[] gates)
                {
                    foreach (var gate in gates)
                    {
                        gate.Enter();
                    }

                    foreach (var gate in gates)
                    {
                        gate.Exit();
                    }
                }
            }
            """));

        // Before: LL0005 still held at folios[i].Lock(); the release loop runs backwards from Length - 1.
        [Fact]
        public Task ReleaseLoopInReverse_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    for (int i = 0; i < folios.Length; i++)
                        folios[i].Lock();
                    for (int i = folios.Length - 1; i >= 0; i--)
                        folios[i].Unlock();
                }
            }
            """));

        // Before: LL0005 still held at Monitor.Enter: a foreach takes, a for over the same list gives back.
        [Fact]
        public Task ForeachThenForOverTheSameList_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(System.Collections.Generic.List<Folio> folios)
                {
                    foreach (var folio in folios) Monitor.Enter(folio.Gate);
                    for (int i = 0; i < folios.Count; i++) Monitor.Exit(folios[i].Gate);
                }
            }
            """));

        // Before: LL0005 still held at folios[i].Lock(): both loops run to the same bound n.
        [Fact]
        public Task ForLoopsToTheSameBound_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios, int n)
                {
                    for (int i = 0; i < n; i++) folios[i].Lock();
                    for (int j = 0; j < n; j++) folios[j].Unlock();
                }
            }
            """));

        // Before: the other locks of the body kept their count: one Enter before the loops, one Exit after them.
        [Fact]
        public Task LoopsBetweenAPlainPair_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio head, Folio[] folios)
                {
                    head.Lock();
                    foreach (var folio in folios) folio.Lock();
                    foreach (var folio in folios) folio.Unlock();
                    head.Unlock();
                }
            }
            """));

        // Hand over hand: the next folio is locked before the previous one is unlocked; the first is locked
        // before the loop and the last unlocked after it.
        [Fact]
        public Task HandOverHand_IsNotReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Walk(Folio head)
                {
                    var parent = head;
                    parent.Lock();
                    var child = parent.Next;
                    while (child != null)
                    {
                        child.Lock();
                        parent.Unlock();
                        parent = child;
                        child = child.Next;
                    }

                    parent.Unlock();
                }
            }
            """));

        // True: a loop that acquires with no loop releasing after it.
        [Fact]
        public Task AcquireLoopWithoutAReleaseLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    for (int i = 0; i < folios.Length; i++) {|#0:Monitor.Enter(folios[i].Gate)|};
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: the same with a receiver-level [Acquires].
        [Fact]
        public Task ReceiverLevelAcquireLoopWithoutAReleaseLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(MmapGate[] gates)
                {
                    foreach (var gate in gates)
                    {
                        {|#0:gate.Enter()|};
                    }
                }
            }
            """), StillHeld("MmapLock", "Flush"));

        // True: an early return between the loops leaves every folio locked.
        [Fact]
        public Task ReturnBetweenTheLoops_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios, bool stop)
                {
                    foreach (var folio in folios) {|#0:folio.Lock()|};
                    if (stop)
                        return;
                    foreach (var folio in folios) folio.Unlock();
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: a release loop with nothing taken before it.
        [Fact]
        public Task ReleaseLoopWithoutAnAcquireLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    foreach (var folio in folios) {|#0:folio.Unlock()|};
                }
            }
            """), NotHeld("FolioLock", "Flush"));

        // True: the release loop walks another collection.
        [Fact]
        public Task ReleaseLoopOverAnotherCollection_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios, Folio[] others)
                {
                    foreach (var folio in folios) {|#0:folio.Lock()|};
                    foreach (var folio in others) folio.Unlock();
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: the collection is replaced between the loops.
        [Fact]
        public Task CollectionReassignedBetweenTheLoops_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios, Folio[] others)
                {
                    for (int i = 0; i < folios.Length; i++) {|#0:folios[i].Lock()|};
                    folios = others;
                    for (int i = 0; i < folios.Length; i++) folios[i].Unlock();
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: a break leaves the release loop before it has released every folio.
        [Fact]
        public Task BreakOutOfTheReleaseLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    foreach (var folio in folios) {|#0:folio.Lock()|};
                    foreach (var folio in folios)
                    {
                        if (folio.Next == null)
                            break;
                        folio.Unlock();
                    }
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: a continue skips some acquisitions, so the loops no longer pair (the level stays "held").
        [Fact]
        public Task ContinueInTheAcquireLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    foreach (var folio in folios)
                    {
                        if (folio.Next == null)
                            continue;
                        {|#0:folio.Lock()|};
                    }

                    foreach (var folio in folios) folio.Unlock();
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: the acquiring loop also releases the level, so it is no acquire-only loop.
        [Fact]
        public Task AcquireLoopThatAlsoReleases_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    foreach (var folio in folios)
                    {
                        {|#0:folio.Lock()|};
                        folio.Lock();
                        folio.Unlock();
                    }

                    foreach (var folio in folios) folio.Unlock();
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: the release loop releases only some folios.
        [Fact]
        public Task ConditionalReleaseInTheLoop_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Flush(Folio[] folios)
                {
                    for (int i = 0; i < folios.Length; i++) {|#0:folios[i].Lock()|};
                    for (int i = 0; i < folios.Length; i++)
                    {
                        if (folios[i].Next != null)
                            folios[i].Unlock();
                    }
                }
            }
            """), StillHeld("FolioLock", "Flush"));

        // True: hand over hand that never unlocks the last folio.
        [Fact]
        public Task HandOverHandKeepingTheLast_IsReported() => Verify.VerifyAnalyzerAsync(With("""
            class C
            {
                void Walk(Folio head)
                {
                    var parent = head;
                    {|#0:parent.Lock()|};
                    var child = parent.Next;
                    while (child != null)
                    {
                        child.Lock();
                        parent.Unlock();
                        parent = child;
                        child = child.Next;
                    }
                }
            }
            """), StillHeld("FolioLock", "Walk"));
    }
}
