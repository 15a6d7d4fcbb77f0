using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Cli.Graph
{
    /// <summary>
    /// The lock graph as a Mermaid flowchart, which GitHub and most Markdown viewers render: the same
    /// drawing rules as <see cref="DotWriter"/> (dashed declared order, solid observed edges, red labelled
    /// cycle edges, inferred classes in their own box, deep contexts as flags).
    /// </summary>
    internal static class MermaidWriter
    {
        public static string Write(LockGraphModel graph)
        {
            var text = new StringBuilder("flowchart TD\n");
            var ids = new Dictionary<string, string>(System.StringComparer.Ordinal);
            string IdOf(string name)
            {
                if (!ids.TryGetValue(name, out var id))
                {
                    ids.Add(name, id = "n" + ids.Count);
                }

                return id;
            }

            WriteGroup(text, "declared", "declared levels", graph.Nodes.Where(node => !node.IsInferred).Select(node => node.Name), IdOf, "[\"", "\"]");
            WriteGroup(text, "inferred", "inferred lock classes", graph.Nodes.Where(node => node.IsInferred).Select(node => node.Name), IdOf, "([\"", "\"])");

            int link = 0;
            var cycleLinks = new List<int>();
            var cycleEdges = GraphStyle.CycleEdges(graph);
            for (int i = 0; i < graph.DeepContexts.Length; i++)
            {
                var context = graph.DeepContexts[i];
                string id = "c" + i;
                text.Append("  ").Append(id).Append(">\"").Append(Escape(GraphStyle.ContextLabel(context))).Append("\"]\n");
            }

            foreach (var order in graph.DeclaredOrder)
            {
                text.Append("  ").Append(IdOf(order.Outer)).Append(" -.->|declared| ").Append(IdOf(order.Inner)).Append('\n');
                link++;
            }

            foreach (var edge in GraphStyle.ObservedEdges(graph))
            {
                text.Append("  ").Append(IdOf(edge.Held));
                if (cycleEdges.Contains((edge.Held, edge.Acquired)))
                {
                    text.Append(" ==>|\"").Append(Escape(GraphStyle.FirstHop(edge))).Append("\"| ");
                    cycleLinks.Add(link);
                }
                else
                {
                    text.Append(" --> ");
                }

                text.Append(IdOf(edge.Acquired)).Append('\n');
                link++;
            }

            if (cycleLinks.Count > 0)
            {
                text.Append("  linkStyle ").Append(string.Join(",", cycleLinks)).Append(" stroke:").Append(GraphStyle.CycleColor).Append(",stroke-width:2px,color:").Append(GraphStyle.CycleColor).Append('\n');
            }

            return text.ToString();
        }

        private static void WriteGroup(StringBuilder text, string id, string label, IEnumerable<string> names, System.Func<string, string> idOf, string open, string close)
        {
            var list = names.ToList();
            if (list.Count == 0)
            {
                return;
            }

            text.Append("  subgraph ").Append(id).Append("[\"").Append(label).Append("\"]\n");
            foreach (string name in list)
            {
                text.Append("    ").Append(idOf(name)).Append(open).Append(Escape(name)).Append(close).Append('\n');
            }

            text.Append("  end\n");
        }

        /// <summary>Mermaid has no backslash escapes in labels: quotes become #quot; and newlines &lt;br/&gt;.</summary>
        private static string Escape(string text) => text.Replace("\"", "#quot;").Replace("\n", "<br/>");
    }
}
