using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>LL0100 reports inversions, not cycles: one report per pair of classes, short messages, polynomial cost.</summary>
    public class InversionReportTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        [Fact]
        public async Task FiveClassesTakenInEveryOrder_AreOneReportPerPair()
        {
            var source = new StringBuilder("static class Locks\n{\n");
            for (int i = 0; i < 5; i++)
            {
                source.Append($"    public static readonly object L{i} = new();\n");
            }

            for (int outer = 0; outer < 5; outer++)
            {
                for (int inner = 0; inner < 5; inner++)
                {
                    if (outer != inner)
                    {
                        source.Append($"    public static void Take{outer}{inner}() {{ lock (L{outer}) {{ lock (L{inner}) {{ }} }} }}\n");
                    }
                }
            }

            source.Append("}\n");
            var diagnostics = (await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(source.ToString()))).Where(d => d.Id == "LL0100").ToList();

            Assert.Equal(10, diagnostics.Count);
            Assert.Equal(10, diagnostics.Select(d => d.Location.SourceSpan).Distinct().Count());
            Assert.All(diagnostics, d => Assert.True(d.GetMessage().Length < 400, d.GetMessage()));
        }

        [Fact]
        public async Task FortyNestedLocksWithOneBackEdge_AreOneReportAndAShortInversionAnother()
        {
            // Each of L0..L39 taken while all the earlier ones are held: 2^38 simple paths from L0 to L39.
            var source = new StringBuilder("static class Locks\n{\n");
            for (int i = 0; i < 40; i++)
            {
                source.Append($"    public static readonly object L{i} = new();\n");
            }

            source.Append("    public static readonly object P = new();\n    public static readonly object Q = new();\n");
            source.Append("    public static void Nested()\n    {\n");
            for (int i = 0; i < 40; i++)
            {
                source.Append($"        lock (L{i})\n");
            }

            source.Append("        { }\n    }\n");
            source.Append("    public static void Back() { lock (L39) { lock (L0) { } } }\n");
            source.Append("    public static void PQ() { lock (P) { lock (Q) { } } }\n");
            source.Append("    public static void QP() { lock (Q) { lock (P) { } } }\n}\n");

            var diagnostics = (await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(source.ToString()))).Where(d => d.Id == "LL0100").ToList();

            Assert.Equal(
                new[]
                {
                    "possible lock-order inversion between unannotated locks: Locks.L0 → Locks.L39 (Nested: lock (Locks.L39)) → Locks.L0 (Back: lock (Locks.L0))",
                    "possible lock-order inversion between unannotated locks: Locks.P → Locks.Q (PQ: lock (Locks.Q)) → Locks.P (QP: lock (Locks.P))",
                },
                diagnostics.Select(d => d.GetMessage()).OrderBy(m => m, System.StringComparer.Ordinal));
        }
        [Fact]
        public Task CallDispatchedToSeveralOverrides_IsWitnessedByTheShortestChain() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            public abstract class Appender
            {
                protected readonly object LockObj = new();
                private IErrorHandler _handler;

                public void Close() { lock (LockObj) { {|#0:OnClose()|}; } }

                public IErrorHandler Handler { set { lock ({|#1:LockObj|}) { _handler = value; } } }

                protected abstract void OnClose();
            }

            public interface IErrorHandler { }

            public class Forwarder : Appender
            {
                private readonly List<Appender> _attached = new();

                protected override void OnClose() => CloseAll();

                private void CloseAll() { foreach (var appender in _attached) appender.Close(); }
            }

            public class Writer : Appender
            {
                private readonly object _sync = new();

                protected override void OnClose() { lock (_sync) { } }

                public void SetHandler(IErrorHandler handler) { lock (_sync) { {|#2:Handler|} = handler; } }
            }

            static class Factory
            {
                public static Appender[] Make() => new Appender[] { new Forwarder(), new Writer() };
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Appender.LockObj → Writer._sync (Close: Writer.OnClose → lock (Writer._sync)) → Appender.LockObj (SetHandler: Appender.Handler → lock (Appender.LockObj))"));
    }
}
