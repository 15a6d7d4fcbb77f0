using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NonReentrantReacquiredRule>;

namespace LockLevels.Tests.Rules
{
    public class NonReentrantReacquiredTests
    {
        private const string SemaphoreFails = "a SemaphoreSlim with one slot is not re-entrant: the second wait never returns";
        private const string NoRecursionFails = "a ReaderWriterLockSlim with LockRecursionPolicy.NoRecursion throws LockRecursionException";
        private const string UpgradeFails = "a read lock cannot be upgraded: ReaderWriterLockSlim throws LockRecursionException even with LockRecursionPolicy.SupportsRecursion";
        private const string JournalFails = "'Journal' is not declared [assembly: RecursiveLevels]: the second acquisition can queue behind a writer that waits for the first";

        /// <summary>A kind of non-re-entrant lock: the member that holds it, how it is taken and released, and what LL0009 says.</summary>
        public sealed class LockKind
        {
            public LockKind(string name, string member, string take, string release, string level, string description, string reason)
            {
                Name = name;
                Member = member;
                Take = take;
                Release = release;
                Level = level;
                Description = description;
                Reason = reason;
            }

            public string Name { get; }
            public string Member { get; }
            public string Take { get; }
            public string Release { get; }
            public string Level { get; }
            public string Description { get; }
            public string Reason { get; }

            /// <summary>The sources's Store class with <paramref name="body"/>, TAKE and RELEASE replaced, and the Journal level it may use.</summary>
            public string Source(string body) => """
                using System;
                using System.Threading;
                using LockLevels;

                [assembly: LockHierarchy("Journal")]

                sealed class Journal
                {
                    [Acquires("Journal")] public void Begin() { }
                    [Releases("Journal")] public void End() { }
                }

                class Store
                {
                """ + "    " + Member + "\n" + body.Replace("TAKE", Take).Replace("RELEASE", Release) + "}\n";

            public override string ToString() => Name;
        }

        public static TheoryData<LockKind> Kinds => new()
        {
            new LockKind("SemaphoreSlim(1, 1)", "private readonly SemaphoreSlim _lock = new(1, 1);", "_lock.Wait()", "_lock.Release()",
                "Store._lock", "Store._lock.Wait", SemaphoreFails),
            new LockKind("ReaderWriterLockSlim()", "private readonly ReaderWriterLockSlim _lock = new();", "_lock.EnterWriteLock()", "_lock.ExitWriteLock()",
                "Store._lock", "Store._lock.EnterWriteLock", NoRecursionFails),
            new LockKind("annotated level", "private readonly Journal _journal = new();", "_journal.Begin()", "_journal.End()",
                "Journal", "Journal.Begin", JournalFails),
        };

        private static DiagnosticResult Reacquired(LockKind kind, string second, int additional)
        {
            var result = Verify.Diagnostic("LL0009").WithLocation(0);
            for (int location = 1; location <= additional; location++)
            {
                result = result.WithLocation(location);
            }

            return result.WithArguments(kind.Level, kind.Description, second, kind.Reason);
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenTwiceInOneMethod_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    {|#0:TAKE|};
                    RELEASE;
                    RELEASE;
                }
            """), Reacquired(kind, kind.Description, additional: 1));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenAgainThroughOneCall_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    {|#0:Refresh()|};
                    RELEASE;
                }

                void Refresh()
                {
                    {|#2:TAKE|};
                    RELEASE;
                }
            """), Reacquired(kind, "Store.Refresh → " + kind.Description, additional: 2));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenAgainThroughTwoCalls_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    {|#0:Refresh()|};
                    RELEASE;
                }

                void Refresh() => {|#2:Load()|};

                void Load()
                {
                    {|#3:TAKE|};
                    RELEASE;
                }
            """), Reacquired(kind, "Store.Refresh → Store.Load → " + kind.Description, additional: 3));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenTwiceInALambda_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                Action Run() => () =>
                {
                    {|#1:TAKE|};
                    {|#0:TAKE|};
                    RELEASE;
                    RELEASE;
                };
            """), Reacquired(kind, kind.Description, additional: 1));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenAgainInALocalFunction_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    {|#0:Again()|};
                    RELEASE;

                    void Again()
                    {
                        {|#2:TAKE|};
                        RELEASE;
                    }
                }
            """), Reacquired(kind, "Again → " + kind.Description, additional: 2));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task ReleasedBeforeTakenAgain_IsNotReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    TAKE;
                    RELEASE;
                    TAKE;
                    RELEASE;
                }
            """));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnAnotherObject_IsNotReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run(Store other)
                {
                    TAKE;
                    other.Refresh();
                    RELEASE;
                }

                void Refresh()
                {
                    TAKE;
                    RELEASE;
                }
            """));
    }
}
