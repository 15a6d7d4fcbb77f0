using System;
using System.Collections.Generic;
using System.Linq;
using LockLevels.Analyzers.Model;
using Xunit;

namespace LockLevels.Tests.Model
{
    public class InversionTests
    {
        private static readonly Func<string, string, bool> Undeclared = (_, _) => false;

        private static string Show(IReadOnlyList<LockDependencyGraph<string>.Edge> cycle)
            => cycle[0].Held + string.Concat(cycle.Select(edge => " → " + edge.Acquired));

        private static List<string> Cycles(LockDependencyGraph<string> graph, Func<string, string, bool>? isOuter = null)
            => graph.FindInversions(isOuter ?? Undeclared).Select(Show).ToList();

        [Fact]
        public void AbBa_IsOneCycleFromTheSmallestLevel()
        {
            var graph = new LockDependencyGraph<string>();
            graph.AddEdge("B", "A", "b-a");
            graph.AddEdge("A", "B", "a-b");
            Assert.Equal(new[] { "A → B → A" }, Cycles(graph));
        }

        [Fact]
        public void AcyclicGraph_HasNoInversion()
        {
            var graph = new LockDependencyGraph<string>();
            graph.AddEdge("A", "B", "");
            graph.AddEdge("B", "C", "");
            graph.AddEdge("A", "C", "");
            Assert.Empty(Cycles(graph));
        }

        [Fact]
        public void EveryOrderOfFiveLevels_IsOneReportPerPair()
        {
            var levels = new[] { "A", "B", "C", "D", "E" };
            var graph = new LockDependencyGraph<string>();
            foreach (var held in levels)
            {
                foreach (var acquired in levels)
                {
                    graph.AddEdge(held, acquired, held + acquired);
                }
            }

            var cycles = graph.FindInversions(Undeclared);
            Assert.Equal(10, cycles.Count);
            Assert.All(cycles, cycle => Assert.Equal(2, cycle.Count));
            var pairs = cycles.Select(cycle => string.Concat(new[] { cycle[0].Held, cycle[0].Acquired }.OrderBy(level => level, StringComparer.Ordinal))).ToList();
            Assert.Equal(10, pairs.Distinct().Count());
        }

        [Fact]
        public void NestedChainWithOneBackEdge_IsOneCycleThroughTheBackEdgeAndTheShortInversionIsAnother()
        {
            // L00 .. L39 each taken while all the earlier ones are held (2^38 simple paths from L00 to L39),
            // one path back from L39 to L00, and an unrelated AB-BA.
            var graph = new LockDependencyGraph<string>();
            for (int outer = 0; outer < 40; outer++)
            {
                for (int inner = outer + 1; inner < 40; inner++)
                {
                    graph.AddEdge($"L{outer:D2}", $"L{inner:D2}", "");
                }
            }

            graph.AddEdge("L39", "L00", "back");
            graph.AddEdge("P", "Q", "");
            graph.AddEdge("Q", "P", "");

            Assert.Equal(new[] { "L00 → L39 → L00", "P → Q → P" }, Cycles(graph));
        }

        [Fact]
        public void EdgeAgainstTheDeclaredOrder_IsTheOneBlamed()
        {
            // SbWriters outer to MmapLock outer to InvalidateLock: only InvalidateLock → SbWriters goes against it.
            var order = new[] { "SbWriters", "MmapLock", "InvalidateLock" };
            Func<string, string, bool> isOuter = (outer, inner) => Array.IndexOf(order, outer) >= 0 && Array.IndexOf(order, outer) < Array.IndexOf(order, inner);
            var graph = new LockDependencyGraph<string>();
            graph.AddEdge("SbWriters", "MmapLock", "");
            graph.AddEdge("MmapLock", "InvalidateLock", "");
            graph.AddEdge("SbWriters", "InvalidateLock", "");
            graph.AddEdge("InvalidateLock", "SbWriters", "deep");

            var cycles = graph.FindInversions(isOuter);
            var cycle = Assert.Single(cycles);
            Assert.Equal("InvalidateLock → SbWriters → InvalidateLock", Show(cycle));
            Assert.Equal("deep", cycle[0].Witness);
        }

        [Fact]
        public void RingOfSix_IsOneCycleOfSixEdges()
        {
            var graph = new LockDependencyGraph<string>();
            var ring = new[] { "C", "D", "E", "F", "A", "B" };
            for (int i = 0; i < ring.Length; i++)
            {
                graph.AddEdge(ring[i], ring[(i + 1) % ring.Length], "");
            }

            Assert.Equal(new[] { "A → B → C → D → E → F → A" }, Cycles(graph));
        }
    }
}
