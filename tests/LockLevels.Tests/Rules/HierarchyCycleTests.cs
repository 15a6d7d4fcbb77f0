using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.HierarchyCycleAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0901: declared hierarchies whose union orders a level before itself.</summary>
    public class HierarchyCycleTests
    {
        [Fact]
        public Task CycleAcrossTwoHierarchies_IsReportedAtTheAttributeThatClosesIt() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", "C")]
            [assembly: {|#0:LockHierarchy("C", "A")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("A → B → C → A"));

        [Fact]
        public Task Cycle_MessageListsTheLevelsAroundTheCycle() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", "C")]
            [assembly: {|#0:LockHierarchy("C", "A")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0)
                .WithMessage("This hierarchy closes a cycle in the declared lock order: A → B → C → A"));

        [Fact]
        public Task TwoLevelCycle_IsReportedAtTheSecondHierarchy() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("MmapLock", "FolioLock")]
            [assembly: {|#0:LockHierarchy("FolioLock", "MmapLock")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("MmapLock → FolioLock → MmapLock"));

        [Fact]
        public Task CycleThroughThreeHierarchies_IsReportedOnlyAtTheThird() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B")]
            [assembly: LockHierarchy("B", "C")]
            [assembly: {|#0:LockHierarchy("C", "A")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("A → B → C → A"));

        [Fact]
        public Task CycleClosedMidChain_ListsOnlyTheLevelsOnTheCycle() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("Top", "A", "B", "Bottom")]
            [assembly: {|#0:LockHierarchy("X", "B", "A", "Y")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("A → B → A"));

        [Fact]
        public Task CycleInAHierarchyInASecondFile_IsReportedInThatFile()
        {
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.HierarchyCycleAnalyzer>.Test();
            test.TestState.Sources.Add(("First.cs", RuleSources.Bare("""
                [assembly: LockHierarchy("A", "B")]
                """)));
            test.TestState.Sources.Add(("Second.cs", RuleSources.Bare("""
                [assembly: {|#0:LockHierarchy("B", "A")|}]
                """)));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("A → B → A"));
            return test.RunAsync();
        }

        [Fact]
        public Task CycleWithAReferencedAssemblysHierarchy_IsReportedAtTheLocalAttribute()
        {
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.HierarchyCycleAnalyzer>.Test();
            RuleSources.AddReferencedProject(test, "Vfs", Preamble.Hierarchy + "public sealed class Vfs { }");
            test.TestState.Sources.Add(RuleSources.Bare("""
                [assembly: {|#0:LockHierarchy("FolioLock", "MmapLock")|}]
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("MmapLock → InvalidateLock → FolioLock → MmapLock"));
            return test.RunAsync();
        }

        [Fact]
        public Task TwoSeparateCycles_AreEachReportedAtTheirClosingAttribute() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B")]
            [assembly: {|#0:LockHierarchy("B", "A")|}]
            [assembly: LockHierarchy("X", "Y")]
            [assembly: {|#1:LockHierarchy("Y", "X")|}]
            """),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(0).WithArguments("A → B → A"),
            Verify.Diagnostic(DiagnosticIds.HierarchyCycle).WithLocation(1).WithArguments("X → Y → X"));

        [Fact]
        public Task ConsistentOverlappingHierarchies_AreNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", "C")]
            [assembly: LockHierarchy("A", "C")]
            [assembly: LockHierarchy("B", "D")]
            [assembly: LockHierarchy("X", "C")]
            """));

        [Fact]
        public Task LevelListedTwiceInOneHierarchy_IsNotReportedAsACycle() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", "A")]
            """));
    }
}
