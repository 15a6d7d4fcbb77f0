using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.TryLockNotBoolAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0908: [Acquires(Try = true)] on a method that does not return bool, Task&lt;bool&gt; or ValueTask&lt;bool&gt;.</summary>
    public class TryLockNotBoolTests
    {
        [Fact]
        public Task AVoidReceiverLevelTry_IsReportedAtTry() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [Acquires({|#0:Try = true|})] public void TryEnter() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.TryLockNotBool).WithLocation(0)
                .WithMessage("TryEnter is [Acquires(Try = true)] but returns 'void'; a try-lock returns bool, Task<bool> or ValueTask<bool>, true where it took the lock"));

        [Fact]
        public Task ANamedLevelTryReturningInt_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [Acquires("FolioLock", Shared = true, {|#0:Try = true|})] public int TryEnter() => 0;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.TryLockNotBool).WithLocation(0).WithArguments("TryEnter", "int"));

        [Fact]
        public Task ATryReturningAScope_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [Acquires({|#0:Try = true|})] public IDisposable TryEnter() => null!;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.TryLockNotBool).WithLocation(0).WithArguments("TryEnter", "IDisposable"));

        [Fact]
        public Task BoolTaskAndValueTaskOfBool_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [Acquires(Try = true)] public bool TryEnter() => true;
                [Acquires("FolioLock", Try = true)] public System.Threading.Tasks.Task<bool> TryEnterAsync() => System.Threading.Tasks.Task.FromResult(true);
                [Acquires(Try = true)] public System.Threading.Tasks.ValueTask<bool> TryEnterValueAsync() => default;
            }
            """));

        [Fact]
        public Task TryFalseOnAVoidMethod_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                [Acquires(Try = false)] public void Enter() { }
            }
            """));
    }
}
