using System.Linq;
using LockLevels.Cli.Graph;
using LockLevels.Cli.Tests.Support;
using Xunit;

namespace LockLevels.Cli.Tests.Reports
{
    public sealed class GraphWriterTests
    {
        private static readonly string Dot = DotWriter.Write(Graphs.Seed);

        [Fact]
        public void Dot_PutsDeclaredLevelsAndInferredClassesInSeparateClusters()
        {
            Assert.Contains("""
                  subgraph cluster_declared {
                    label="declared levels"; style=dashed; color="#9aa0a6";
                    "SbWriters";
                    "MmapLock";
                    "InvalidateLock";
                    "FolioLock";
                  }
                  subgraph cluster_inferred {
                    label="inferred lock classes"; style=dashed; color="#9aa0a6";
                    "Cache._sync" [shape=ellipse, fillcolor="#f1f3f4", color="#5f6368"];
                  }
                """.ReplaceLineEndings("\n"), Dot);
        }

        [Fact]
        public void Dot_DrawsDeclaredOrderDashed_CycleEdgesRedWithTheirFirstHop_OtherEdgesPlain()
        {
            var edges = Dot.Split('\n').Where(line => line.Contains(" -> ") && !line.Contains("context:")).Select(line => line.Trim()).ToArray();
            Assert.Equal(new[]
            {
                "\"SbWriters\" -> \"MmapLock\" [style=dashed, color=\"#5f6368\", arrowhead=empty, weight=10, tooltip=\"declared order\"];",
                "\"MmapLock\" -> \"InvalidateLock\" [style=dashed, color=\"#5f6368\", arrowhead=empty, weight=10, tooltip=\"declared order\"];",
                "\"InvalidateLock\" -> \"FolioLock\" [style=dashed, color=\"#5f6368\", arrowhead=empty, weight=10, tooltip=\"declared order\"];",
                "\"InvalidateLock\" -> \"SbWriters\" [color=\"#d93025\", fontcolor=\"#d93025\", penwidth=2, constraint=false, label=\"AfsVnode.WritePages: Netfslib.WritePages\"];",
                "\"SbWriters\" -> \"MmapLock\" [color=\"#d93025\", fontcolor=\"#d93025\", penwidth=2, constraint=false, label=\"ReadWrite.VfsWrite: ReadWrite.GenericPerformWrite\"];",
                "\"MmapLock\" -> \"InvalidateLock\" [color=\"#d93025\", fontcolor=\"#d93025\", penwidth=2, constraint=false, label=\"Filemap.FilemapFault: AddressSpace.InvalidateLock.EnterReadLock\"];",
                "\"FolioLock\" -> \"Cache._sync\" [tooltip=\"Cache.Lookup: lock (_sync)\"];",
            }, edges);
        }

        [Fact]
        public void Dot_ShowsADeepContextAsANoteNamingTheLevelsItRunsWith()
        {
            Assert.Contains("""
                  subgraph cluster_contexts {
                    label="deep contexts ([CalledWithLocksHeld])"; style=dashed; color="#9aa0a6";
                    "context:IAddressSpaceOperations.WritePages" [shape=note, style=filled, fillcolor="#fef7e0", color="#f9ab00", label="IAddressSpaceOperations.WritePages\nruns with InvalidateLock, FolioLock"];
                  }
                """.ReplaceLineEndings("\n"), Dot);
        }

        [Fact]
        public void CyclesOnly_KeepsTheCycleAndDropsTheRest()
        {
            var graph = GraphFilter.CyclesOnly(Graphs.Seed);

            Assert.Equal(new[] { "SbWriters", "MmapLock", "InvalidateLock" }, graph.Nodes.Select(node => node.Name));
            Assert.Equal(3, graph.Edges.Length);
            Assert.Empty(graph.DeepContexts);
            Assert.Equal(2, graph.DeclaredOrder.Length);
        }

        [Fact]
        public void Namespace_KeepsTheEdgesWitnessedThere()
        {
            var graph = GraphFilter.Namespace(Graphs.Seed, "Other");

            Assert.Equal(new[] { "FolioLock", "Cache._sync" }, graph.Nodes.Select(node => node.Name));
            Assert.Equal(("FolioLock", "Cache._sync"), (graph.Edges.Single().Held, graph.Edges.Single().Acquired));
            Assert.Empty(graph.Cycles);
        }

        [Fact]
        public void Mermaid_DrawsTheSameGraph_WithCycleLinksStyledRed()
        {
            string mermaid = MermaidWriter.Write(Graphs.Seed);

            Assert.StartsWith("flowchart TD\n  subgraph declared[\"declared levels\"]\n    n0[\"SbWriters\"]\n", mermaid);
            Assert.Contains("  subgraph inferred[\"inferred lock classes\"]\n    n4([\"Cache._sync\"])\n  end\n", mermaid);
            Assert.Contains("  n0 -.->|declared| n1\n", mermaid);
            Assert.Contains("  n2 ==>|\"AfsVnode.WritePages: Netfslib.WritePages\"| n0\n", mermaid);
            Assert.Contains("  n3 --> n4\n", mermaid);
            // The three declared links come first: the cycle's links are 3, 4 and 5.
            Assert.EndsWith("  linkStyle 3,4,5 stroke:#d93025,stroke-width:2px,color:#d93025\n", mermaid);
        }

        [Fact]
        public void WithoutGraphviz_SvgFailsWithAMessageSayingWhatToInstall()
        {
            string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), System.IO.Path.GetRandomFileName() + ".svg");

            string? error = Graphviz.Render(Dot, "svg", output, executable: "/nonexistent/dot");

            Assert.StartsWith("Graphviz '/nonexistent/dot' was not found: install Graphviz (Debian/Ubuntu: apt-get install graphviz;", error);
            Assert.False(System.IO.File.Exists(output));
        }
    }
}
