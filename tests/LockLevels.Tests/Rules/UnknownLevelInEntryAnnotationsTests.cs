using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.UnknownLevelAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0900 for the annotations of issue 13: "must not hold" levels, and entry levels written on a property.</summary>
    public class UnknownLevelInEntryAnnotationsTests
    {
        [Fact]
        public Task CalledWithLocksNotHeldOfUndeclaredLevel_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [CalledWithLocksNotHeld("FolioLock", {|#0:"JournalLock"|})] public void Commit() { }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"));

        [Fact]
        public Task PropertyLevel_IsReportedOnceForBothAccessors() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [CalledWithLocksHeld({|#0:"JournalLock"|})] public int Size { get => 0; set { } }
                [CalledWithLocksNotHeld({|#1:"TxLock"|})] public int this[int i] { get => 0; set { } }
            }
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("JournalLock"),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(1).WithArguments("TxLock"));

        [Fact]
        public Task AcquiredWithLocksNotHeldOfUndeclaredLevels_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            [assembly: AcquiredWithLocksNotHeld({|#0:"Root"|}, "FolioLock", {|#1:"Node"|})]
            [assembly: AcquiredWithLocksNotHeld("SbWriters", "FolioLock")]
            """),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(0).WithArguments("Root"),
            Verify.Diagnostic(Descriptors.UnknownLevel).WithLocation(1).WithArguments("Node"));
    }
}
