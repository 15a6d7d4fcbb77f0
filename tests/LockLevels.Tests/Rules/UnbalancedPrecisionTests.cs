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

        // 5c. Before: the paths join after the first if, so the second if's false branch seemed to skip
        // the release (LL0005 "'SbWriters' still held on some path out of Write" at sb.StartWrite()).
        [Fact]
        public Task ReleaseGuardedByTheAcquisitionsCondition_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                private readonly bool _journal;

                public void Write(SuperBlock sb, bool write)
                {
                    if (write)
                        sb.StartWrite();
                    Work();
                    if (write)
                        sb.EndWrite();
                }

                public void Log(SuperBlock sb)
                {
                    bool flush = _journal;
                    if (!flush) { } else sb.StartWrite();
                    if (flush)
                    {
                        sb.EndWrite();
                    }

                    if (_journal)
                        sb.StartWrite();
                    if (!_journal)
                        return;
                    sb.EndWrite();
                }

                static void Work() { }
            }
            """));

        // 5c, the true shape beside it: the condition changes in between, so the release may be skipped.
        [Fact]
        public Task ConditionAssignedBetween_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                public void Write(SuperBlock sb, bool write)
                {
                    if (write)
                        {|#0:sb.StartWrite()|};
                    write = !write;
                    if (write)
                        sb.EndWrite();
                }
            }
            """), StillHeld("SbWriters", "Write"));

        // 5c, and a release guarded by another condition still misses a path.
        [Fact]
        public Task ReleaseGuardedByAnotherCondition_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class C
            {
                public void Write(SuperBlock sb, bool write, bool done)
                {
                    if (write)
                        {|#0:sb.StartWrite()|};
                    if (done)
                        sb.EndWrite();
                }
            }
            """), StillHeld("SbWriters", "Write"));
    }
}
