using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ContradictoryAnnotationsAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0903: one method annotated two ways that cannot both hold for a level.</summary>
    public class ContradictoryAnnotationsTests
    {
        [Fact]
        public Task AcquiresAndReleasesSameLevel_IsReportedAtTheReleases() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock")]
                [{|#0:Releases("MmapLock")|}]
                public void Cycle() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Cycle", "[Acquires]", "[Releases]", "MmapLock"));

        [Fact]
        public Task AcquiresAndReleases_MessageNamesMethodAnnotationsAndLevel() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock"), {|#0:Releases("MmapLock")|}]
                public void Cycle() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0)
                .WithMessage("Cycle is annotated both [Acquires] and [Releases] for level 'MmapLock'"));

        [Fact]
        public Task ReleasesWrittenBeforeAcquires_IsStillReportedAtTheReleases() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [{|#0:Releases("FolioLock")|}, Acquires("FolioLock")] public void Cycle() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Cycle", "[Acquires]", "[Releases]", "FolioLock"));

        [Fact]
        public Task AcquiresTwiceAndReleasesSameLevel_IsReportedOnce() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock")]
                [Acquires("MmapLock")]
                [{|#0:Releases("MmapLock")|}]
                public void Cycle() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Cycle", "[Acquires]", "[Releases]", "MmapLock"));

        [Fact]
        public Task AcquiresAndTwoReleasesSameLevel_IsReportedOnceAtTheFirstReleases() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock")]
                [{|#0:Releases("MmapLock")|}]
                [Releases("MmapLock")]
                public void Cycle() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Cycle", "[Acquires]", "[Releases]", "MmapLock"));

        [Fact]
        public Task CalledWithLocksHeldAndTwoAcquiresSameLevel_IsReportedAtEachAcquires() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [CalledWithLocksHeld("FolioLock")]
                [{|#0:Acquires("FolioLock")|}]
                [{|#1:Acquires("FolioLock")|}]
                public void Write() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Write", "[CalledWithLocksHeld]", "[Acquires]", "FolioLock"),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(1).WithArguments("Write", "[CalledWithLocksHeld]", "[Acquires]", "FolioLock"));

        [Fact]
        public Task AcquiresSharedAndExclusiveSameLevel_IsReportedAtTheSecondAcquires() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("SbWriters", Shared = true)]
                [{|#0:Acquires("SbWriters")|}]
                public void Start() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Start", "[Acquires(Shared = true)]", "[Acquires]", "SbWriters"));

        [Fact]
        public Task AcquiresExclusiveThenSharedSameLevel_IsReportedAtTheSharedOne() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("SbWriters")]
                [{|#0:Acquires("SbWriters", Shared = true)|}]
                public void Start() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Start", "[Acquires(Shared = true)]", "[Acquires]", "SbWriters"));

        [Fact]
        public Task ExclusiveAcquiresAfterTwoSharedOnes_IsReportedOnce() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("SbWriters", Shared = true)]
                [Acquires("SbWriters", Shared = true)]
                [{|#0:Acquires("SbWriters")|}]
                public void Start() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Start", "[Acquires(Shared = true)]", "[Acquires]", "SbWriters"));

        [Fact]
        public Task CalledWithLocksHeldAndAcquiresSameLevel_IsReportedAtTheAcquires() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [CalledWithLocksHeld("InvalidateLock", "FolioLock")]
                [{|#0:Acquires("FolioLock")|}]
                public void Write() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Write", "[CalledWithLocksHeld]", "[Acquires]", "FolioLock"));

        [Fact]
        public Task EachContradictedLevel_IsReportedSeparately() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [CalledWithLocksHeld("MmapLock")]
                [{|#0:Acquires("MmapLock")|}]
                [Acquires("FolioLock")]
                [{|#1:Releases("FolioLock")|}]
                public void Mixed() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(1).WithArguments("Mixed", "[Acquires]", "[Releases]", "FolioLock"),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Mixed", "[CalledWithLocksHeld]", "[Acquires]", "MmapLock"));

        [Fact]
        public Task AcquiresAndReleasesDifferentLevels_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock")]
                [Releases("FolioLock")]
                public void HandOver() { }
            }
            """));

        [Fact]
        public Task AcquiresSameLevelTwiceWithSameSharing_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("SbWriters", Shared = true)]
                [Acquires("SbWriters", Shared = true)]
                public void Start() { }
            }
            """));

        [Fact]
        public Task CalledWithLocksHeldAndAcquiresOfAnotherLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [CalledWithLocksHeld("SbWriters")]
                [Acquires("MmapLock")]
                public void Fault() { }
            }
            """));

        [Fact]
        public Task CalledWithLocksHeldAndReleasesSameLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [CalledWithLocksHeld("MmapLock")]
                [Releases("MmapLock")]
                public void DropMmap() { }
            }
            """));

        [Fact]
        public Task MightAcquireAndReleasesSameLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [MightAcquire("MmapLock")]
                [Releases("MmapLock")]
                public void Retry() { }
            }
            """));

        [Fact]
        public Task AnnotationsOnDifferentMethods_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("MmapLock")] public void Lock() { }
                [Releases("MmapLock")] public void Unlock() { }
                [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
                [Acquires("SbWriters")] public void Freeze() { }
            }
            """));

        [Fact]
        public Task EmptyLevelsOnBothAnnotations_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Acquires("")]
                [Releases("")]
                public void Nothing() { }
            }
            """));

        [Fact]
        public Task CalledWithLocksHeldAndNotHeldSameLevel_IsReportedAtTheNotHeld() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [CalledWithLocksHeld("FolioLock", "MmapLock"), {|#0:CalledWithLocksNotHeld("FolioLock")|}] public void Write() { }
                [CalledWithLocksHeld("FolioLock"), CalledWithLocksNotHeld("MmapLock")] public void Read() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ContradictoryAnnotations).WithLocation(0).WithArguments("Write", "[CalledWithLocksHeld]", "[CalledWithLocksNotHeld]", "FolioLock"));
    }
}
