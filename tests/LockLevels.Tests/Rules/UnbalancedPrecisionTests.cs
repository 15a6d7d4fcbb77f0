using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// LL0005's precision on real lock code (issue 13, item 5): each shape that used to give a false report,
    /// next to the true shape beside it that must stay reported.
    /// </summary>
    public class UnbalancedPrecisionTests
    {
        private static DiagnosticResult StillHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments(level, method);

        private static DiagnosticResult NotHeld(string level, string method)
            => Verify.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(0).WithArguments(level, method);

        /// <summary>A token whose concrete Dispose is [Releases]: the using disposes it through IDisposable.Dispose.</summary>
        private const string WriteEnd = """

            sealed class WriteEnd : IDisposable
            {
                private readonly SuperBlock _sb;
                public WriteEnd(SuperBlock sb) => _sb = sb;
                [Releases("SbWriters")] public void Dispose() => _sb.EndWrite();
            }
            """;

        // 5a. Before: the lowered using calls IDisposable.Dispose, which has no [Releases], so the
        // StartWrite was "acquired and not released" (LL0005 at sb.StartWrite()).
        [Fact]
        public Task UsingStatement_ReleasesThroughTheConcreteDispose() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    sb.StartWrite();
                    using (var end = new WriteEnd(sb))
                    {
                    }
                }
            }
            """ + WriteEnd));

        [Fact]
        public Task UsingDeclaration_ReleasesThroughTheConcreteDispose() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    sb.StartWrite();
                    using var end = new WriteEnd(sb);
                }
            }
            """ + WriteEnd));

        // 5a, the true shape beside it: a path out before the using still holds the level.
        [Fact]
        public Task ReturnBeforeTheUsing_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb, bool stop)
                {
                    {|#0:sb.StartWrite()|};
                    if (stop)
                        return;
                    using var end = new WriteEnd(sb);
                }
            }
            """ + WriteEnd), StillHeld("SbWriters", "Write"));

        // 5a, the other true shape: disposing a token of what is not held releases what is not held.
        [Fact]
        public Task UsingWithNothingHeld_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                void Write(SuperBlock sb)
                {
                    using ({|#0:new WriteEnd(sb)|})
                    {
                    }
                }
            }
            """ + WriteEnd), NotHeld("SbWriters", "Write"));
    }
}
