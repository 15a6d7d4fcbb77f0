using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ReleaseWithoutAcquireAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0905: a [Releases] level that nothing in the compilation acquires.</summary>
    public class ReleaseWithoutAcquireTests
    {
        private const string JournalHierarchy = """
            [assembly: LockHierarchy("JournalLock", "FolioLock")]

            """;

        [Fact]
        public Task ReleasesOfALevelNothingAcquires_IsReportedAtTheReleases() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [{|#0:Releases("JournalLock")|}] public void End() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0).WithArguments("End", "JournalLock"));

        [Fact]
        public Task ReleaseWithoutAcquire_MessageNamesMethodAndLevel() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [{|#0:Releases("JournalLock")|}] public void End() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0)
                .WithMessage("End is [Releases(\"JournalLock\")], but nothing in this compilation acquires 'JournalLock'"));

        [Fact]
        public Task TwoMethodsReleasingALevelNothingAcquires_AreEachReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [{|#0:Releases("JournalLock")|}] public void End() { }
                [{|#1:Releases("JournalLock")|}] public void Abort() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0).WithArguments("End", "JournalLock"),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(1).WithArguments("Abort", "JournalLock"));

        [Fact]
        public Task ReleasesOfAnUndeclaredLevelNothingAcquires_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            sealed class Journal
            {
                [{|#0:Releases("Typo")|}] public void End() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0).WithArguments("End", "Typo"));

        [Fact]
        public Task ReleasesOfALevelSomeAcquiresNames_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [Acquires("JournalLock")] public void Begin() { }
            }

            sealed class Committer
            {
                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelALockFieldHas_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [Lock("JournalLock")] private readonly object _gate = new();
                [Releases("JournalLock")] public void End() { Monitor.Exit(_gate); }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelALockPropertyHas_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [Lock("JournalLock")] public SemaphoreSlim Gate { get; } = new(1, 1);
                [Releases("JournalLock")] public void End() { Gate.Release(); }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelSomeMightAcquireNames_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                [MightAcquire("JournalLock")] public void MaybeBegin() { }
                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelSomeCalledWithLocksHeldNames_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            interface IJournalOps
            {
                [CalledWithLocksHeld("JournalLock")] void Commit();
            }

            sealed class Journal
            {
                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelOnlyALocalFunctionAcquires_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                public void Run()
                {
                    Begin();
                    [Acquires("JournalLock")] static void Begin() { }
                }

                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelOnlyALambdaAcquires_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                public Action Begin = [Acquires("JournalLock")] () => { };

                [Releases("JournalLock")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOnALocalFunctionOfALevelNothingAcquires_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            sealed class Journal
            {
                public void Run()
                {
                    End();
                    [{|#0:Releases("JournalLock")|}] static void End() { }
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0).WithArguments("End", "JournalLock"));

        [Fact]
        public Task ReleasesOfALevelAcquiredInAnotherFile_IsNotReported()
        {
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ReleaseWithoutAcquireAnalyzer>.Test();
            test.TestState.Sources.Add(("Release.cs", RuleSources.Bare("""
                [assembly: LockHierarchy("JournalLock")]
                sealed class Committer { [Releases("JournalLock")] public void End() { } }
                """)));
            test.TestState.Sources.Add(("Acquire.cs", RuleSources.Bare("""
                sealed class Journal { [Acquires("JournalLock")] public void Begin() { } }
                """)));
            return test.RunAsync();
        }

        [Fact]
        public Task ReleasesOfALevelAReferencedAssemblyDeclaresAndAcquires_IsNotReported()
        {
            // The seed's shape: the superblock lives in one assembly, a filesystem wraps sb_end_write in another.
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ReleaseWithoutAcquireAnalyzer>.Test();
            RuleSources.AddReferencedProject(test, "Vfs", Preamble.Hierarchy + """
                public sealed class Sb
                {
                    [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
                    [Releases("SbWriters")] public void EndWrite() { }
                }
                """);
            test.TestState.Sources.Add(RuleSources.Bare("""
                sealed class Fs
                {
                    private readonly Sb _sb = new();
                    [Releases("SbWriters")] public void FinishWrite() => _sb.EndWrite();
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task ReleasesOfALevelNeitherThisNorAReferencedAssemblyAcquires_IsStillReported()
        {
            var test = new LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ReleaseWithoutAcquireAnalyzer>.Test();
            RuleSources.AddReferencedProject(test, "Vfs", Preamble.Hierarchy + """
                public sealed class Sb { }
                """);
            test.TestState.Sources.Add(RuleSources.Bare("""
                [assembly: LockHierarchy("JournalLock")]

                sealed class Fs
                {
                    [{|#0:Releases("JournalLock")|}] public void FinishWrite() { }
                }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ReleaseWithoutAcquire).WithLocation(0).WithArguments("FinishWrite", "JournalLock"));
            return test.RunAsync();
        }

        [Fact]
        public Task ReleasesOfAnEmptyLevel_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                [Releases("")] public void End() { }
            }
            """));

        [Fact]
        public Task ReleasesOfALevelOnlyALockClassHas_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With(JournalHierarchy + """
            [Lock("JournalLock")]
            sealed class JournalLock
            {
                [Acquires] public void Enter() { }
                [Releases] public void Exit() { }
            }

            sealed class Journal
            {
                [Releases("JournalLock")] public void End() { }
            }
            """));
    }
}
