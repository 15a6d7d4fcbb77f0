using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers.Reach;
using LockLevels.Bench;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass on the bench's generated codebases: identical diagnostics with every unreached
    /// body erased in both shapes (the dense one plants every kind of finding), and on the sparse,
    /// real-code shape it keeps only a small share of the code.
    /// </summary>
    public class LockReachGeneratedTests
    {
        private readonly ITestOutputHelper _output;

        public LockReachGeneratedTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData(CodebaseShape.Dense, 600)]
        [InlineData(CodebaseShape.Sparse, 1500)]
        public async Task GeneratedCodebase_SameDiagnosticsWithUnreachedBodiesErased(CodebaseShape shape, int methods)
        {
            var compilation = ReachSources.Compile(ReachSources.Generated(shape, methods));
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var erased = BodyEraser.Erase(compilation, reach.MayMatter);
            _output.WriteLine($"{shape} {methods}: {reach.MatteringCount} of {reach.UnitCount} units may matter; {erased.Erased} bodies erased, {erased.Kept} kept");

            var full = ReachSources.Describe(await AnalyzerRunner.RunAsync(compilation));
            var withoutUnreached = ReachSources.Describe(await AnalyzerRunner.RunAsync(erased.Compilation));
            var ids = full.Select(line => line.Substring(0, line.IndexOf(' '))).Distinct().ToArray();
            _output.WriteLine($"{full.Length} diagnostics: " + string.Join(", ", ids));
            // The interprocedural findings are the ones a caller left out would lose.
            Assert.Contains("LL0003", ids);
            Assert.Contains("LL0004", ids);
            Assert.True(erased.Erased > 0, "nothing was erased");
            Assert.Equal(full, withoutUnreached);
        }

        /// <summary>
        /// The bench's unannotated variant (<c>--unannotated</c>): the same code without one LockLevels attribute,
        /// which still compiles, draws no annotation rule, and gives the same diagnostics with every unreached body erased.
        /// </summary>
        [Fact]
        public async Task UnannotatedCodebase_CompilesWithoutAnnotationsAndTheFirstPassLosesNothing()
        {
            var trees = ReachSources.Generated(CodebaseShape.Dense, 600, unannotated: true);
            Assert.DoesNotContain(trees, tree => tree.ToString().Contains("[Acquires(", StringComparison.Ordinal) || tree.ToString().Contains("[Lock(", StringComparison.Ordinal)
                || tree.ToString().Contains("LockHierarchy", StringComparison.Ordinal));
            var compilation = ReachSources.Compile(trees);
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var erased = BodyEraser.Erase(compilation, reach.MayMatter);

            var full = ReachSources.Describe(await AnalyzerRunner.RunAsync(compilation));
            _output.WriteLine($"{full.Length} diagnostics: " + string.Join(", ", full.Select(line => line.Substring(0, line.IndexOf(' '))).Distinct()));
            Assert.Contains(full, line => line.StartsWith("LL0100 ", StringComparison.Ordinal));
            Assert.DoesNotContain(full, line => line.StartsWith("LL000", StringComparison.Ordinal) || line.StartsWith("LL09", StringComparison.Ordinal));
            Assert.True(erased.Erased > 0, "nothing was erased");
            Assert.Equal(full, ReachSources.Describe(await AnalyzerRunner.RunAsync(erased.Compilation)));
        }

        [Fact]
        public void SparseCodebase_FirstPassKeepsUnderFivePercent()
        {
            var reach = LockReach.Build(ReachSources.Compile(ReachSources.Generated(CodebaseShape.Sparse, 3000)), CancellationToken.None);
            double kept = (double)reach.MatteringCount / reach.UnitCount;
            _output.WriteLine($"{reach.MatteringCount} of {reach.UnitCount} units may matter ({kept:P1})");
            Assert.InRange(kept, 0.001, 0.05);
        }

        /// <summary>
        /// With the bodies kept for the types they create, still under 5%. (The candidates that may
        /// store a delegate parameter are kept only when their owner has one; the bench's methods have none.)
        /// </summary>
        [Fact]
        public void SparseCodebase_FirstPassKeepsUnderFivePercent_WithTheBodiesKeptForTheirCreations()
        {
            var reach = LockReach.Build(ReachSources.Compile(ReachSources.Generated(CodebaseShape.Sparse, 3000)), CancellationToken.None);
            double kept = (double)(reach.MatteringCount + reach.KeptForFactsCount) / reach.UnitCount;
            _output.WriteLine($"{reach.MatteringCount} + {reach.KeptForFactsCount} of {reach.UnitCount} units kept ({kept:P1}); {reach.StoreCandidateCount} may store a delegate parameter");
            Assert.InRange(kept, 0.001, 0.05);
        }
    }
}
