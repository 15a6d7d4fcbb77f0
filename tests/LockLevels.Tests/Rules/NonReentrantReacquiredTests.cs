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

        internal static DiagnosticResult Reacquired(LockKind kind, string second, int additional)
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
        public Task CallThatSaysTheLockIsHeld_DirectlyOrPassedOn_IsNotARetaking_ButOneThatSaysItIsNotIs(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    {|#1:TAKE|};
                    Delete(lockHeld: true);
                    Forward(true);
                    {|#0:Delete(false)|};
                    RELEASE;
                }

                void Forward(bool held) => Delete(held);

                void Delete(bool lockHeld)
                {
                    if (lockHeld)
                    {
                        Remove();
                    }
                    else
                    {
                        {|#2:TAKE|};
                        Remove();
                        RELEASE;
                    }
                }

                void Remove() { }
            """), Reacquired(kind, "Store.Delete → " + kind.Description, additional: 2));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task CalleeThatHandsTheLockBackBeforeTakingItAgain_IsNotARetaking(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Run()
                {
                    TAKE;
                    Retry();
                    RELEASE;
                }

                void Retry()
                {
                    RELEASE;
                    Work();
                    TAKE;
                }

                void Work() { }
            """));

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

        [Fact]
        public Task SemaphoreReleasedAcrossAnAwaitBeforeWaitingAgain_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                async Task PumpAsync()
                {
                    await _gate.WaitAsync();
                    try { await Task.Yield(); } finally { _gate.Release(); }
                    await _gate.WaitAsync();
                    _gate.Release();
                }
            }
            """));

        [Fact]
        public Task SemaphoreWaitedAgainAcrossAnAwait_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Pipe
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                async Task PumpAsync()
                {
                    await {|#1:_gate.WaitAsync()|};
                    await Task.Yield();
                    await {|#0:_gate.WaitAsync()|};
                    _gate.Release();
                    _gate.Release();
                }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Pipe._gate", "Pipe._gate.WaitAsync", "Pipe._gate.WaitAsync", SemaphoreFails));

        [Fact]
        public Task SemaphoreAssignedInTheConstructorWithOneSlot_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Pipe
            {
                private readonly SemaphoreSlim _gate;

                Pipe() { _gate = new SemaphoreSlim(1); }

                void Pump() { {|#1:_gate.Wait()|}; {|#0:_gate.Wait()|}; _gate.Release(); _gate.Release(); }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Pipe._gate", "Pipe._gate.Wait", "Pipe._gate.Wait", SemaphoreFails));

        [Fact]
        public Task SemaphoreWithAnUnknownOrLargerCount_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Pipe
            {
                private readonly SemaphoreSlim _some;
                private readonly SemaphoreSlim _four = new(4);

                Pipe(int count) { _some = new SemaphoreSlim(count); }

                void Pump()
                {
                    _some.Wait(); _some.Wait(); _some.Release(); _some.Release();
                    _four.Wait(); _four.Wait(); _four.Release(); _four.Release();
                }
            }
            """));

        [Fact]
        public Task ReadLockTakenTwiceWithoutRecursion_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

                void Scan() { {|#1:_lock.EnterReadLock()|}; {|#0:_lock.EnterReadLock()|}; _lock.ExitReadLock(); _lock.ExitReadLock(); }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Index._lock", "Index._lock.EnterReadLock", "Index._lock.EnterReadLock", NoRecursionFails));

        [Fact]
        public Task ReadLockTakenAgainWithSupportsRecursion_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);

                void Scan() { _lock.EnterReadLock(); Lookup(); _lock.ExitReadLock(); }

                void Lookup() { _lock.EnterReadLock(); _lock.ExitReadLock(); }

                void Update() { _lock.EnterWriteLock(); _lock.EnterWriteLock(); _lock.EnterReadLock(); _lock.ExitReadLock(); _lock.ExitWriteLock(); _lock.ExitWriteLock(); }
            }
            """));

        [Fact]
        public Task ReadThenWriteWithSupportsRecursion_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);

                void Scan() { {|#1:_lock.EnterReadLock()|}; {|#0:Repair()|}; _lock.ExitReadLock(); }

                void Repair() { {|#2:_lock.EnterWriteLock()|}; _lock.ExitWriteLock(); }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Index._lock", "Index._lock.EnterReadLock", "Index.Repair → Index._lock.EnterWriteLock", UpgradeFails));

        [Fact]
        public Task UpgradeableThenWriteOrReadWithoutRecursion_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Index
            {
                private readonly ReaderWriterLockSlim _lock = new();

                void Repair()
                {
                    _lock.EnterUpgradeableReadLock();
                    _lock.EnterWriteLock();
                    _lock.ExitWriteLock();
                    _lock.EnterReadLock();
                    _lock.ExitReadLock();
                    _lock.ExitUpgradeableReadLock();
                }
            }
            """));

        [Fact]
        public Task RecursionPolicyNotKnownFromSource_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Index
            {
                private readonly ReaderWriterLockSlim _lock;

                Index(LockRecursionPolicy policy) { _lock = new ReaderWriterLockSlim(policy); }

                void Scan() { _lock.EnterReadLock(); _lock.EnterReadLock(); _lock.ExitReadLock(); _lock.ExitReadLock(); }
            }
            """));

        [Fact]
        public Task MonitorAndLockReentry_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Cache
            {
                private readonly object _sync = new();
                private readonly Lock _gate = new();

                void Refresh()
                {
                    lock (_sync) { lock (_sync) { Clear(); } }
                    Monitor.Enter(_sync); Monitor.Enter(_sync); Monitor.Exit(_sync); Monitor.Exit(_sync);
                    using (_gate.EnterScope()) { _gate.Enter(); _gate.Exit(); }
                }

                void Clear() { lock (_sync) { } }
            }
            """));

        [Fact]
        public Task SharedLevelTakenAgainByItsReader_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Writer
            {
                void Write(SuperBlock sb)
                {
                    {|#1:sb.StartWrite()|};
                    {|#0:sb.StartWrite()|};
                    sb.EndWrite();
                    sb.EndWrite();
                }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("SbWriters", "SuperBlock.StartWrite", "SuperBlock.StartWrite",
                    "'SbWriters' is not declared [assembly: RecursiveLevels]: the second acquisition can queue behind a writer that waits for the first"));

        [Fact]
        public Task LevelDeclaredRecursive_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: RecursiveLevels("SbWriters")]

            class Writer
            {
                void Write(SuperBlock sb) { sb.StartWrite(); sb.StartWrite(); sb.EndWrite(); sb.EndWrite(); }
            }
            """));

        [Fact]
        public Task LockMemberOfALevelOnASingleSlotSemaphore_IsReportedAsASemaphore() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Fault
            {
                void Handle(Mm mm) { {|#1:mm.MmapLock.Wait()|}; {|#0:mm.MmapLock.Wait()|}; mm.MmapLock.Release(); mm.MmapLock.Release(); }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("MmapLock", "Mm.MmapLock.Wait", "Mm.MmapLock.Wait", SemaphoreFails));

        [Fact]
        public Task SemaphoreWaitedAgainInAnAwaitedCallee_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            using System.Threading.Tasks;

            class Cache
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                public async Task RefreshAsync()
                {
                    await {|#1:_gate.WaitAsync()|};
                    try { await {|#0:LoadAsync()|}; } finally { _gate.Release(); }
                }

                private async Task LoadAsync()
                {
                    await {|#2:_gate.WaitAsync()|};
                    try { } finally { _gate.Release(); }
                }
            }
            """), Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Cache._gate", "Cache._gate.WaitAsync", "Cache.LoadAsync → Cache._gate.WaitAsync", SemaphoreFails));

        // Before: walking a list hand over hand took "local:next" in one iteration and again in the next, one
        // name for two objects, and LL0009 said the lock was taken again by its holder.
        [Fact]
        public Task HandOverHandWalk_TakesEachNodeOnce() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;
            using LockLevels;

            class Node
            {
                public readonly ReaderWriterLockSlim Gate = new();
                public Node Next;
            }

            class List
            {
                [LockNesting("node", "next")]
                public static void Walk(Node head)
                {
                    var node = head;
                    node.Gate.EnterReadLock();
                    while (node.Next is Node next)
                    {
                        next.Gate.EnterReadLock();
                        node.Gate.ExitReadLock();
                        node = next;
                    }

                    node.Gate.ExitReadLock();
                }
            }
            """);

        // The same loop that forgets to let the parent go still takes one object twice when the list loops
        // back to a node it holds; LL0009 cannot know that, so it reports the re-take of a name only when the
        // name still means the held object.
        [Fact]
        public Task RetakingTheHeldLocalInALoop_IsReported() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;

            class Node
            {
                public readonly ReaderWriterLockSlim Gate = new();
                public Node Next;
            }

            class List
            {
                public static void Spin(Node node, int times)
                {
                    for (int i = 0; i < times; i++)
                    {
                        {|#0:node.Gate.EnterReadLock()|};
                    }

                    node.Gate.ExitReadLock();
                }
            }
            """,
            Verify.Diagnostic("LL0009").WithLocation(0).WithLocation(0).WithArguments("Node.Gate", "Node.Gate.EnterReadLock", "Node.Gate.EnterReadLock", NoRecursionFails));
    }
}
