using System.IO;
using System.Linq;
using System.Text;

namespace LockLevels.Cli.Graph
{
    /// <summary>
    /// The lock graph in Graphviz DOT: declared levels and inferred classes in separate clusters, declared
    /// hierarchy edges dashed and grey, observed acquisition edges solid, the edges of reported cycles red
    /// and labelled with the first hop of their witness, and deep contexts as notes that name the levels they run with (no lines to them: they would cross every edge).
    /// </summary>
    internal static class DotWriter
    {
        public static string Write(LockGraphModel graph)
        {
            var text = new StringBuilder();
            var cycleEdges = GraphStyle.CycleEdges(graph);
            text.Append("digraph LockLevels {\n");
            text.Append("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=12, nodesep=0.5, ranksep=0.6];\n");
            text.Append("  node [fontname=\"Helvetica\", fontsize=12, shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\", color=\"#1a73e8\"];\n");
            text.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");

            var declared = graph.Nodes.Where(node => !node.IsInferred).ToList();
            var inferred = graph.Nodes.Where(node => node.IsInferred).ToList();
            if (declared.Count > 0)
            {
                text.Append("  subgraph cluster_declared {\n    label=\"declared levels\"; style=dashed; color=\"#9aa0a6\";\n");
                foreach (var node in declared)
                {
                    text.Append("    ").Append(Id(node.Name)).Append(";\n");
                }

                text.Append("  }\n");
            }

            if (inferred.Count > 0)
            {
                text.Append("  subgraph cluster_inferred {\n    label=\"inferred lock classes\"; style=dashed; color=\"#9aa0a6\";\n");
                foreach (var node in inferred)
                {
                    text.Append("    ").Append(Id(node.Name)).Append(" [shape=ellipse, fillcolor=\"#f1f3f4\", color=\"#5f6368\"];\n");
                }

                text.Append("  }\n");
            }

            if (graph.DeepContexts.Length > 0)
            {
                text.Append("  subgraph cluster_contexts {\n    label=\"deep contexts ([CalledWithLocksHeld])\"; style=dashed; color=\"#9aa0a6\";\n");
                foreach (var context in graph.DeepContexts)
                {
                    text.Append("    ").Append(Id("context:" + context.Member)).Append(" [shape=note, style=filled, fillcolor=\"#fef7e0\", color=\"#f9ab00\", label=")
                        .Append(Quote(GraphStyle.ContextLabel(context))).Append("];\n");
                }

                // Invisible links stack the notes in one column beside the levels instead of one wide row.
                for (int i = 1; i < graph.DeepContexts.Length; i++)
                {
                    text.Append("    ").Append(Id("context:" + graph.DeepContexts[i - 1].Member)).Append(" -> ")
                        .Append(Id("context:" + graph.DeepContexts[i].Member)).Append(" [style=invis];\n");
                }

                text.Append("  }\n");
            }

            foreach (var order in graph.DeclaredOrder)
            {
                text.Append("  ").Append(Id(order.Outer)).Append(" -> ").Append(Id(order.Inner))
                    .Append(" [style=dashed, color=\"").Append(GraphStyle.DeclaredColor).Append("\", arrowhead=empty, weight=10, tooltip=\"declared order\"];\n");
            }

            foreach (var edge in GraphStyle.ObservedEdges(graph))
            {
                text.Append("  ").Append(Id(edge.Held)).Append(" -> ").Append(Id(edge.Acquired));
                if (cycleEdges.Contains((edge.Held, edge.Acquired)))
                {
                    text.Append(" [color=\"").Append(GraphStyle.CycleColor).Append("\", fontcolor=\"").Append(GraphStyle.CycleColor)
                        .Append("\", penwidth=2, constraint=false, label=").Append(Quote(GraphStyle.FirstHop(edge))).Append("];\n");
                }
                else
                {
                    text.Append(" [tooltip=").Append(Quote(GraphStyle.FirstHop(edge))).Append("];\n");
                }
            }

            text.Append("}\n");
            return text.ToString();
        }

        public static void Write(LockGraphModel graph, string path) => File.WriteAllText(path, Write(graph));

        private static string Id(string name) => Quote(name);

        private static string Quote(string text)
            => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
