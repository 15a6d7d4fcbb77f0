using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary><c>locklevels.max_chain_length</c>: how many calls a chain down to an inferred lock class may have.</summary>
    public class ChainBoundTests
    {
        /// <summary>
        /// Run holds _outer and reaches lock (_inner) through <paramref name="calls"/> calls; Back takes them
        /// the other way. Markup: #0 Run's call, #1 Back's lock (_outer), #2.. each later call, then lock (_inner).
        /// </summary>
        private static string DeepChain(int calls)
        {
            var source = new StringBuilder("""
                class Deep
                {
                    private readonly object _outer = new();
                    private readonly object _inner = new();

                    public void Run() { lock (_outer) { {|#0:M1()|}; } }

                    public void Back() { lock (_inner) { lock ({|#1:_outer|}) { } } }

                """);
            for (int i = 1; i < calls; i++)
            {
                source.Append($"    void M{i}() => {{|#{i + 1}:M{i + 1}()|}};\n");
            }

            source.Append($"    void M{calls}() {{ lock ({{|#{calls + 1}:_inner|}}) {{ }} }}\n}}\n");
            return source.ToString();
        }

        private static async Task Run(int calls, string? bound, bool reported)
        {
            var code = DeepChain(calls);
            var test = new Verify.Test { TestCode = reported ? code : System.Text.RegularExpressions.Regex.Replace(code, @"\{\|#\d+:|\|\}", "") };
            if (bound != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From("is_global = true\nlocklevels.max_chain_length = " + bound + "\n")));
            }

            if (reported)
            {
                // At Back's lock, then the cycle's two sites, then every hop of the shortened chain in order.
                var expected = Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0);
                for (int hop = 2; hop <= calls + 1; hop++)
                {
                    expected = expected.WithLocation(hop);
                }

                test.ExpectedDiagnostics.Add(expected.WithMessage(
                    $"possible lock-order inversion between unannotated locks: Deep._inner → Deep._outer (Back: lock (Deep._outer)) → Deep._inner (Run: Deep.M1 → … {calls - 2} calls … → Deep.M{calls} → lock (Deep._inner))"));
            }

            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task ChainOfTheDefaultLength_IsReported() => Run(8, bound: null, reported: true);

        [Fact]
        public Task ChainLongerThanTheDefault_IsNotReported() => Run(9, bound: null, reported: false);

        [Fact]
        public Task ChainLongerThanTheDefault_IsReportedWithTheBoundRaised() => Run(9, bound: "9", reported: true);

        [Fact]
        public Task ChainOneCallLongerThanTheBound_IsNotReported() => Run(4, bound: "3", reported: false);

        [Fact]
        public Task AnyChain_IsReportedWhenUnbounded() => Run(30, bound: "unbounded", reported: true);

        [Theory]
        [InlineData("0")]
        [InlineData("-3")]
        [InlineData("many")]
        public Task InvalidBound_MeansTheDefault(string bound) => Run(9, bound, reported: false);
    }
}
