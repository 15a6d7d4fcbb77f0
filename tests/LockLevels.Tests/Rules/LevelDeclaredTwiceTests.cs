using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.LevelDeclaredTwiceAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0902: a level listed more than once in one hierarchy.</summary>
    public class LevelDeclaredTwiceTests
    {
        [Fact]
        public Task LevelListedTwice_IsReportedAtTheSecondMention() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", {|#0:"A"|})]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("A"));

        [Fact]
        public Task LevelListedTwice_MessageNamesTheLevel() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("FolioLock", {|#0:"FolioLock"|})]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0)
                .WithMessage("Lock level 'FolioLock' is listed more than once in this hierarchy"));

        [Fact]
        public Task LevelListedThreeTimes_IsReportedOnceAtTheSecondMention() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", {|#0:"A"|}, "B", "A")]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("A"));

        [Fact]
        public Task TwoLevelsListedTwice_AreEachReportedAtTheirSecondMention() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", {|#0:"B"|}, {|#1:"A"|})]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("B"),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(1).WithArguments("A"));

        [Fact]
        public Task LevelListedTwiceInAnExplicitArray_IsReportedAtTheSecondElement() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy(new[] { "A", "B", {|#0:"A"|} })]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("A"));

        [Fact]
        public Task RepeatWithSurroundingWhitespace_IsTheSameLevel() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B", {|#0:" A "|})]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("A"));

        [Fact]
        public Task RepeatInOnlyOneOfTwoHierarchies_IsReportedInThatHierarchy() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B")]
            [assembly: LockHierarchy("C", "D", {|#0:"C"|})]
            """),
            Verify.Diagnostic(DiagnosticIds.LevelDeclaredTwice).WithLocation(0).WithArguments("C"));

        [Fact]
        public Task SameLevelInTwoHierarchies_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "B")]
            [assembly: LockHierarchy("A", "C")]
            """));

        [Fact]
        public Task RepeatedEmptyNames_AreNotReportedAsRepeats() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("A", "", "B", "")]
            """));
    }
}
