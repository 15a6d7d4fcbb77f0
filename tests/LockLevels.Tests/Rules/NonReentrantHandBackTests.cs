using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static LockLevels.Tests.Rules.NonReentrantReacquiredTests;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NonReentrantReacquiredRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// LL0009 and hand-backs: a method that runs with its caller's lock held gives it back around a callback
    /// and takes it again. Taking it again retakes nothing; taking it once more, or a callee that takes it
    /// while the method holds it again, still does.
    /// </summary>
    public class NonReentrantHandBackTests
    {
        private static DiagnosticResult Reacquired(LockKind kind, string second, int additional)
            => NonReentrantReacquiredTests.Reacquired(kind, second, additional);

        // Before: the lock taken again at the end of one iteration is held where the next gives it back, so the
        // flow saw no hand-back at all and Recover's acquisition was a retaking at Run's call.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task HandBackInALoop_IsNotARetaking(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                int _count;

                void Run()
                {
                    TAKE;
                    Recover();
                    RELEASE;
                }

                void Recover()
                {
                    for (int i = 0; i < _count; i++)
                    {
                        RELEASE;
                        Work();
                        TAKE;
                    }
                }

                void Work() { }
            """));

        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task CalleeThatTakesTheLockInALoopWithoutGivingItBack_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                int _count;

                void Run()
                {
                    {|#1:TAKE|};
                    {|#0:Recover()|};
                    RELEASE;
                }

                void Recover()
                {
                    for (int i = 0; i < _count; i++)
                    {
                        {|#2:TAKE|};
                        Work();
                        RELEASE;
                    }
                }

                void Work() { }
            """), Reacquired(kind, "Store.Recover → " + kind.Description, additional: 2));

        // The caller's hold, taken back, is held: taking it once more is a retaking in the method, and one of the
        // caller's hold at the call.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task RestoredHoldTakenAgain_IsReportedInTheMethodAndAtItsCaller(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#3:TAKE|};
                    {|#2:Retry()|};
                    RELEASE;
                }

                void Retry()
                {
                    RELEASE;
                    Work();
                    {|#1:TAKE|};
                    {|#0:TAKE|};
                    RELEASE;
                }

                void Work() { }
            """),
            Verify.Diagnostic("LL0009").WithLocation(2).WithLocation(3).WithLocation(0)
                .WithArguments(kind.Level, kind.Description, "Store.Retry → " + kind.Description, kind.Reason),
            Reacquired(kind, kind.Description, additional: 1));

        // Before: one summary entry per level kept a guard only if every path had it, and the hand-back path has
        // none, so Delete's guarded acquisition lost its guard and Run's lockHeld: true did not help.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task HandBackBesideAFlagGuardedCall_CallThatSaysTheLockIsHeld_IsNotARetaking_ButOneThatSaysItIsNotIs(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    Recover(lockHeld: true);
                    {|#0:Recover(lockHeld: false)|};
                    RELEASE;
                }

                void Recover(bool lockHeld)
                {
                    {|#2:Delete(lockHeld)|};
                    RELEASE;
                    Work();
                    TAKE;
                }

                void Delete(bool lockHeld)
                {
                    if (!lockHeld)
                    {
                        {|#3:TAKE|};
                        RELEASE;
                    }
                }

                void Work() { }
            """), Reacquired(kind, "Store.Recover → Store.Delete → " + kind.Description, additional: 3));

        // Before: one retake guard per level met over every path, and peer.Refresh() reaches the level unguarded,
        // though on an object Run cannot name (Recover's parameter): Run's lockHeld: true did not help.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task PathToAnObjectTheCallerCannotName_DoesNotLoseTheFlagGuard(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run(Store peer)
                {
                    {|#1:TAKE|};
                    Recover(lockHeld: true, peer);
                    {|#0:Recover(lockHeld: false, peer)|};
                    RELEASE;
                }

                void Recover(bool lockHeld, Store peer)
                {
                    {|#2:Delete(lockHeld)|};
                    peer.Refresh();
                }

                void Delete(bool lockHeld)
                {
                    if (!lockHeld)
                    {
                        {|#3:TAKE|};
                        RELEASE;
                    }
                }

                void Refresh()
                {
                    TAKE;
                    RELEASE;
                }
            """), Reacquired(kind, "Store.Recover → Store.Delete → " + kind.Description, additional: 3));

        // Before: in the second iteration the lock Recover took back is held at Delete(lockHeld), which passes
        // Recover's own flag on: reported in Recover, though it is the caller's hold and the caller says it holds it.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task FlagPassedOnUnderARestoredHold_IsJudgedAtTheCaller(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                int _count;

                void Run()
                {
                    {|#1:TAKE|};
                    Recover(lockHeld: true);
                    {|#0:Recover(lockHeld: false)|};
                    RELEASE;
                }

                void Recover(bool lockHeld)
                {
                    for (int i = 0; i < _count; i++)
                    {
                        {|#2:Delete(lockHeld)|};
                        RELEASE;
                        Work();
                        TAKE;
                    }
                }

                void Delete(bool lockHeld)
                {
                    if (!lockHeld)
                    {
                        {|#3:TAKE|};
                        RELEASE;
                    }
                }

                void Work() { }
            """), Reacquired(kind, "Store.Recover → Store.Delete → " + kind.Description, additional: 3));

        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task FlagGuardedTakeUnderARestoredHold_IsJudgedAtTheCaller(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    Recover(lockHeld: true);
                    {|#0:Recover(lockHeld: false)|};
                    RELEASE;
                }

                void Recover(bool lockHeld)
                {
                    RELEASE;
                    Work();
                    TAKE;
                    if (!lockHeld)
                    {
                        {|#2:TAKE|};
                        RELEASE;
                    }
                }

                void Work() { }
            """), Reacquired(kind, "Store.Recover → " + kind.Description, additional: 2));

        // Delete(false) takes the lock in every iteration: the first retakes the caller's hold (at Run's call),
        // the next ones the hold Recover took back.
        [Theory]
        [MemberData(nameof(Kinds), MemberType = typeof(NonReentrantReacquiredTests))]
        public Task CallThatTakesTheRestoredHoldAgain_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                int _count;

                void Run()
                {
                    {|#4:TAKE|};
                    {|#3:Recover(lockHeld: true)|};
                    RELEASE;
                }

                void Recover(bool lockHeld)
                {
                    for (int i = 0; i < _count; i++)
                    {
                        {|#0:Delete(false)|};
                        RELEASE;
                        Work();
                        {|#1:TAKE|};
                    }
                }

                void Delete(bool lockHeld)
                {
                    if (!lockHeld)
                    {
                        {|#2:TAKE|};
                        RELEASE;
                    }
                }

                void Work() { }
            """),
            Verify.Diagnostic("LL0009").WithLocation(3).WithLocation(4).WithLocation(0).WithLocation(2)
                .WithArguments(kind.Level, kind.Description, "Store.Recover → Store.Delete → " + kind.Description, kind.Reason),
            Reacquired(kind, "Store.Delete → " + kind.Description, additional: 2));
    }
}
