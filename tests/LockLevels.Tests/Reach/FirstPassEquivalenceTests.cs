using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Export;
using LockLevels.Analyzers.Reach;
using LockLevels.Bench;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// No loss (issue 12, item 3), shown on the engine itself: every analyzer runs once with the first
    /// pass on (operations only for the bodies it keeps) and once with it off (an operation-block
    /// action over every body, as before), over the test corpus, the samples and generated bench
    /// codebases; the diagnostics (ID, span, message, additional locations) and the exported lock
    /// graph must be identical.
    /// </summary>
    public class FirstPassEquivalenceTests
    {
        private readonly ITestOutputHelper _output;

        public FirstPassEquivalenceTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> CorpusCases() => ReachSources.CorpusCases();

        [Theory]
        [MemberData(nameof(CorpusCases))]
        public Task CorpusCase_SameResultsWithFirstPassOnAndOff(string name)
            => AssertSameResults(name, ReachSources.CorpusCase(name));

        [Fact]
        public Task WholeCorpus_SameResultsWithFirstPassOnAndOff()
            => AssertSameResults("the whole corpus", ReachSources.WholeCorpus());

        [Fact]
        public Task NetfsSample_SameResultsWithFirstPassOnAndOff()
            => AssertSameResults("samples/Netfs", ReachSources.Sample("Netfs"), expectDiagnostics: true);

        [Fact]
        public Task NetfsFixedSample_SameResultsWithFirstPassOnAndOff()
            => AssertSameResults("samples/Netfs.Fixed", ReachSources.Sample("Netfs.Fixed", sharedFrom: "Netfs"));

        [Fact]
        public Task CustomLockTypeWithReceiverLevels_SameResultsWithFirstPassOnAndOff()
            => AssertSameResults("a custom NodeLock", new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(LockLevels.Tests.Interprocedural.CustomNodeLockTests.Source, AnalyzerRunner.ParseOptions),
            }, expectDiagnostics: true);

        // Unannotated, the first pass also decides which callees wrapper inference may bind (WrapperReach).
        [Theory]
        [InlineData(CodebaseShape.Dense, 600, false)]
        [InlineData(CodebaseShape.Sparse, 1500, false)]
        [InlineData(CodebaseShape.Dense, 600, true)]
        [InlineData(CodebaseShape.Sparse, 1500, true)]
        public Task GeneratedCodebase_SameResultsWithFirstPassOnAndOff(CodebaseShape shape, int methods, bool unannotated)
            => AssertSameResults($"{shape} {methods}{(unannotated ? " unannotated" : "")}", ReachSources.Generated(shape, methods, unannotated), expectDiagnostics: true);

        private async Task AssertSameResults(string what, IReadOnlyList<SyntaxTree> trees, bool expectDiagnostics = false)
        {
            var compilation = ReachSources.Compile(trees);
            var reach = LockReach.Build(compilation, CancellationToken.None);
            _output.WriteLine($"{what}: {reach.UnitCount} units, {reach.MatteringCount} may matter, {reach.KeptForFactsCount} more kept for their creations, {reach.StoreCandidateCount} that may store a delegate parameter");

            var (on, onGraph) = await RunAsync(compilation, firstPass: true);
            var (off, offGraph) = await RunAsync(compilation, firstPass: false);
            _output.WriteLine($"{off.Length} diagnostics, {offGraph.Length} graph lines");
            if (expectDiagnostics)
            {
                Assert.NotEmpty(off);
            }

            Assert.Equal(off, on);
            Assert.Equal(offGraph, onGraph);
        }

        private static async Task<(string[] Diagnostics, string[] Graph)> RunAsync(Compilation compilation, bool firstPass)
        {
            var graphs = new List<LockGraph>();
            var analyzers = AnalyzerRunner.AllAnalyzers.Where(analyzer => analyzer is not LockFlowAnalyzer).ToImmutableArray()
                .Add(new LockFlowAnalyzer(firstPass, (_, graph) => graphs.Add(graph)));
            var diagnostics = ReachSources.Describe(await AnalyzerRunner.RunAsync(compilation, analyzers));
            return (diagnostics, graphs.SelectMany(Describe).ToArray());
        }

        /// <summary>The graph one line a fact: nodes, declared order, edges with every hop of their witness, cycles, deep contexts.</summary>
        private static IEnumerable<string> Describe(LockGraph graph)
            => graph.Nodes.Select(node => $"node {node.Name} {node.IsInferred}")
                .Concat(graph.DeclaredOrder.Select(order => $"order {order.Outer} {order.Inner}"))
                .Concat(graph.Edges.Select(Edge))
                .Concat(graph.Cycles.Select(cycle => $"cycle {cycle.Diagnostic.Id} {ReachSources.Where(cycle.Diagnostic.Location)}: " + string.Join(" ", cycle.Edges.Select(Edge))))
                .Concat(graph.DeepContexts.Select(context => $"context {context.Member} {string.Join(",", context.Levels)}"));

        private static string Edge(LockGraphEdge edge)
            => $"edge {edge.Held} -> {edge.Acquired}: " + string.Join(" / ", edge.Chain.Select(hop => $"{hop.Method} {hop.Description} {ReachSources.Where(hop.Location)}"));
    }
}
