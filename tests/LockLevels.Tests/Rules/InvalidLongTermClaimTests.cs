using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.InvalidLongTermClaimAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0906: a LongTermClaim that names no parameterless IDisposable-returning method of the type.</summary>
    public class InvalidLongTermClaimTests
    {
        [Fact]
        public Task ClaimNamingAMissingMethod_IsReportedAtTheNamedArgument() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = "ClaimWriteLongTerm"|})] public void StartWrite() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("ClaimWriteLongTerm", "Sb"));

        [Fact]
        public Task InvalidClaim_MessageNamesTheClaimAndTheType() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", {|#0:LongTermClaim = "Claim"|})] public void StartWrite() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0)
                .WithMessage("LongTermClaim 'Claim' does not name a parameterless method of Sb that returns IDisposable"));

        [Fact]
        public Task ClaimNamingAMethodWithParameters_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claim)|})] public void StartWrite() { }
                public IDisposable Claim(int count) => null!;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ClaimNamingAVoidMethod_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claim)|})] public void StartWrite() { }
                public void Claim() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ClaimNamingAMethodReturningObject_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claim)|})] public void StartWrite() { }
                public object Claim() => new object();
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ClaimNamingAPropertyReturningIDisposable_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claim)|})] public void StartWrite() { }
                public IDisposable Claim => null!;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ClaimNamingAGenericMethod_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claim)|})] public void StartWrite() { }
                public IDisposable Claim<T>() => null!;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ClaimNamingAMethodOfAnotherType_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Claims
            {
                public IDisposable Claim() => null!;
            }

            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, {|#0:LongTermClaim = nameof(Claims.Claim)|})] public void StartWrite() { }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.InvalidLongTermClaim).WithLocation(0).WithArguments("Claim", "Sb"));

        [Fact]
        public Task ValidClaimReturningIDisposable_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))] public void StartWrite() { }
                public IDisposable ClaimWriteLongTerm() => null!;
            }
            """));

        [Fact]
        public Task ValidClaimReturningADisposableClass_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class WriteClaim : IDisposable { public void Dispose() { } }

            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))] public void StartWrite() { }
                public WriteClaim ClaimWriteLongTerm() => new WriteClaim();
            }
            """));

        [Fact]
        public Task ValidClaimAmongOverloads_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(Claim))] public void StartWrite() { }
                public IDisposable Claim(int count) => null!;
                public IDisposable Claim() => null!;
            }
            """));

        [Fact]
        public Task ValidClaimInheritedFromABaseClass_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class SbBase
            {
                protected IDisposable ClaimWriteLongTerm() => null!;
            }

            sealed class Sb : SbBase
            {
                [Acquires("SbWriters", Shared = true, LongTermClaim = "ClaimWriteLongTerm")] public void StartWrite() { }
            }
            """));

        [Fact]
        public Task AcquiresWithoutLongTermClaim_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Sb
            {
                [Acquires("SbWriters", Shared = true)] public void StartWrite() { }
            }
            """));
    }
}
