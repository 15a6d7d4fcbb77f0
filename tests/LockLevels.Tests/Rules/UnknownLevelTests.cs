using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.UnknownLevelAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0900: unknown or empty level names.</summary>
    public class UnknownLevelTests
    {
        private const string UnknownMessage = "Lock level '{0}' is not declared in any [assembly: LockHierarchy(...)]";

        [Fact]
        public Task AcquiresOfUndeclaredLevel_IsReportedAtTheLevelArgument() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Acquires({|#0:"JournalLock"|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task UnknownLevel_MessageNamesTheLevel() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Acquires({|#0:"JournalLock"|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithMessage(string.Format(UnknownMessage, "JournalLock")));

        [Fact]
        public Task RecursiveLevelsNamingAnUndeclaredLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: RecursiveLevels("SbWriters", {|#0:"JournalLock"|})]
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task ReleasesOfUndeclaredLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Releases({|#0:"JournalLock"|})] public void End() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task LockFieldOfUndeclaredLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Lock({|#0:"JournalLock"|})] private readonly object _gate = new();
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task LockPropertyOfUndeclaredLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Lock({|#0:"JournalLock"|})] public SemaphoreSlim Gate { get; } = new(1, 1);
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task UndeclaredLevelAmongCalledWithLocksHeldLevels_IsReportedAtThatLevelOnly() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface IJournalOps
            {
                [CalledWithLocksHeld("FolioLock", {|#0:"JournalLock"|}, "MmapLock")] void Commit();
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task UndeclaredLevelInMightAcquireWithNamedArgument_IsReportedAtTheLevel() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Journal
            {
                [MightAcquire("MmapLock", {|#0:"JournalLock"|}, Shared = true)] public static void Touch() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task UndeclaredLevelInAnExplicitArray_IsReportedAtTheElement() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface IJournalOps
            {
                [CalledWithLocksHeld(new[] { "FolioLock", {|#0:"JournalLock"|} })] void Commit();
                [CalledWithLocksHeld(new string[] { {|#1:"InodeLock"|} })] void Abort();
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(1).WithArguments("InodeLock"));

        [Fact]
        public Task UndeclaredLevelInACollectionExpression_IsReportedAtTheElement() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Journal
            {
                [MightAcquire(["MmapLock", {|#0:"JournalLock"|}], Shared = true)] public static void Touch() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task TwoUndeclaredLevels_AreEachReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Journal
            {
                [MightAcquire({|#0:"JournalLock"|}, {|#1:"InodeLock"|})] public static void Touch() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(1).WithArguments("InodeLock"));

        [Fact]
        public Task UndeclaredLevelOnALocalFunction_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                public void Run()
                {
                    Begin();
                    [Acquires({|#0:"JournalLock"|})] static void Begin() { }
                }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task UndeclaredLevelOnALambda_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                public Action Begin = [MightAcquire("MmapLock", {|#0:"JournalLock"|})] () => { };
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task DeclaredLevelOnALocalFunction_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                public void Run()
                {
                    Begin();
                    [Acquires("MmapLock")] static void Begin() { }
                }
            }
            """));

        [Fact]
        public Task LevelNamesDifferingInCase_AreUnknown() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Acquires({|#0:"sbwriters"|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("sbwriters"));

        [Fact]
        public Task LevelDeclaredInAnyHierarchy_IsKnown() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: LockHierarchy("JournalLock", "FolioLock")]

            sealed class Journal
            {
                [Acquires("JournalLock")] public void Begin() { }
                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task LevelDeclaredOnlyByAReferencedAssembly_IsKnown()
        {
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.UnknownLevelAnalyzer>.Test();
            RuleSources.AddReferencedProject(test, "Vfs", Preamble.Hierarchy + "public sealed class Vfs { }");
            test.TestState.Sources.Add(RuleSources.Bare("""
                sealed class Fs
                {
                    [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
                    [Acquires({|#0:"JournalLock"|})] public void StartJournal() { }
                }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));
            return test.RunAsync();
        }

        [Fact]
        public Task DeclaredLevels_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Lock("FolioLock")] private readonly object _gate = new();
                [Acquires("MmapLock")] public void Lock() { }
                [Releases("MmapLock")] public void Unlock() { }
                [MightAcquire("MmapLock", "FolioLock")] public void Fault() { }
                [CalledWithLocksHeld("SbWriters")] public void Write() { }
            }
            """));

        [Fact]
        public Task UnknownLevel_WithNoHierarchyDeclaredAnywhere_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            sealed class Journal
            {
                [Lock("Gate")] private readonly object _gate = new();
                [Acquires("JournalLock")] public void Begin() { }
                [Releases("JournalLock")] public void End() { }
                [CalledWithLocksHeld("Anything")] public void Commit() { }
            }
            """));

        [Fact]
        public Task EmptyLevelInAcquires_IsReportedAsEmpty() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Acquires({|#0:""|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task EmptyLevel_MessageSaysTheNameIsEmpty() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Acquires({|#0:""|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0).WithMessage("A lock level name must not be empty"));

        [Fact]
        public Task BlankLevelInLock_IsReportedAsEmpty() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Lock({|#0:"   "|})] private readonly object _gate = new();
            }
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task NullLevel_IsReportedAsEmpty() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Releases({|#0:null|})] public void End() { }
            }
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task EmptyLevel_WithNoHierarchyDeclared_IsStillReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            sealed class Journal
            {
                [Acquires({|#0:""|})] public void Begin() { }
            }
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task EmptyLevelInAHierarchy_IsReportedAtThatLevel() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("Outer", {|#0:""|}, "Inner")]
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task NullLevelInAHierarchy_IsReportedAtThatLevel() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("Outer", {|#0:null|})]
            """),
            Verify.Diagnostic(Descriptors.EmptyLevel).WithLocation(0));

        [Fact]
        public Task LevelsOfAHierarchy_AreNotThemselvesReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("Outer", "Inner")]
            [assembly: LockHierarchy("Other")]
            """));

        [Fact]
        public Task UnknownLevelOnALockClass_IsReportedAtTheLevel() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [Lock({|#0:"NodeLock"|})]
            sealed class Node
            {
                [Acquires] public void Enter() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("NodeLock"));
    }
}
