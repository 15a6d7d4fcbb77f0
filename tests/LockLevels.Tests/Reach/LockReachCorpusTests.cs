using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers.Reach;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass loses nothing (issue 12, item 3), shown independently of the engine: every
    /// analyzer runs once on the code as it is and once with every body the first pass leaves out
    /// erased, over the test corpus and the samples, and the diagnostics must be identical — ID,
    /// span, message and additional locations. Erasing a body the engine needs (a lock, a caller
    /// of a lock, a deep context) changes them, as the last test shows.
    /// </summary>
    public class LockReachCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public LockReachCorpusTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> CorpusCases() => ReachSources.CorpusCases();

        [Theory]
        [MemberData(nameof(CorpusCases))]
        public Task CorpusCase_SameDiagnosticsWithUnreachedBodiesErased(string name)
            => AssertSameDiagnostics(name, ReachSources.CorpusCase(name));

        [Fact]
        public Task WholeCorpus_SameDiagnosticsWithUnreachedBodiesErased()
            => AssertSameDiagnostics("the whole corpus", ReachSources.WholeCorpus());

        [Fact]
        public Task NetfsSample_SameDiagnosticsWithUnreachedBodiesErased()
            => AssertSameDiagnostics("samples/Netfs", ReachSources.Sample("Netfs"), expectDiagnostics: true);

        [Fact]
        public Task NetfsFixedSample_SameDiagnosticsWithUnreachedBodiesErased()
            => AssertSameDiagnostics("samples/Netfs.Fixed", ReachSources.Sample("Netfs.Fixed", sharedFrom: "Netfs"));

        /// <summary>
        /// The comparison has teeth: keeping only the seeds (bodies with a lock or an annotation of
        /// their own) and erasing their callers loses the sample's call chains.
        /// </summary>
        [Fact]
        public async Task NetfsSample_ErasingCallersOfLocks_ChangesTheDiagnostics()
        {
            var compilation = ReachSources.Compile(ReachSources.Sample("Netfs"));
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var seedsOnly = BodyEraser.Erase(compilation, reach.IsSeed);

            var full = ReachSources.Describe(await AnalyzerRunner.RunAsync(compilation));
            var erased = ReachSources.Describe(await AnalyzerRunner.RunAsync(seedsOnly.Compilation));
            Assert.Contains(full, line => line.StartsWith("LL0003 ", StringComparison.Ordinal));
            Assert.NotEqual(full, erased);
        }

        private async Task AssertSameDiagnostics(string what, IReadOnlyList<SyntaxTree> trees, bool expectDiagnostics = false)
        {
            var compilation = ReachSources.Compile(trees);
            var reach = LockReach.Build(compilation, CancellationToken.None);
            var erased = BodyEraser.Erase(compilation, reach.MayMatter);
            _output.WriteLine($"{what}: {reach.UnitCount} units, {reach.MatteringCount} may matter; {erased.Erased} bodies erased, {erased.Kept} kept");

            var full = ReachSources.Describe(await AnalyzerRunner.RunAsync(compilation));
            var withoutUnreached = ReachSources.Describe(await AnalyzerRunner.RunAsync(erased.Compilation));
            _output.WriteLine($"{full.Length} diagnostics");
            if (expectDiagnostics)
            {
                Assert.NotEmpty(full);
            }

            Assert.Equal(full, withoutUnreached);
        }
    }
}
