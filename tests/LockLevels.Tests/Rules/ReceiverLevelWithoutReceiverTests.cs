using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.ReceiverLevelWithoutReceiverAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0907: [Acquires] or [Releases] without a level on a method that is called on no object.</summary>
    public class ReceiverLevelWithoutReceiverTests
    {
        [Fact]
        public Task OnAStaticMethod_IsReportedAtTheAttribute() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [{|#0:Acquires|}] public static void Enter() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReceiverLevelWithoutReceiver).WithLocation(0)
                .WithMessage("[Acquires] without a level takes the level of the object Enter is called on, but Enter is static and is called on no object"));

        [Fact]
        public Task ReleasesOnAStaticMethod_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Gate
            {
                [{|#0:Releases()|}] public static void Exit() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReceiverLevelWithoutReceiver).WithLocation(0).WithArguments("Releases", "Exit", "static"));

        [Fact]
        public Task OnALocalFunction_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                void M()
                {
                    [{|#0:Acquires(Shared = true)|}] void Enter() { }
                    Enter();
                }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.ReceiverLevelWithoutReceiver).WithLocation(0).WithArguments("Acquires", "Enter", "a local function"));

        [Fact]
        public Task OnInstanceMethods_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Gate
            {
                [Acquires] public void Enter() { }
                [Releases] public void Exit() { }
                [Acquires(Try = true)] public virtual bool TryEnter() => true;
            }
            """));

        [Fact]
        public Task ANamedLevelOnAStaticMethod_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Gate
            {
                [Acquires("FolioLock")] public static void Enter() { }
                [Releases("FolioLock")] public static void Exit() { }
            }
            """));
    }
}
