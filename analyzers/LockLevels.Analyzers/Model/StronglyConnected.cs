using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>Tarjan's strongly connected components, iterative, over nodes numbered 0..n-1.</summary>
    public static class StronglyConnected
    {
        /// <summary>
        /// The components of the graph, each a component's successors before it (callees first). Roots
        /// are taken in node order and successors in list order, so the result is deterministic.
        /// </summary>
        public static List<List<int>> Components(IReadOnlyList<IReadOnlyList<int>> successors)
        {
            int count = successors.Count;
            var index = new int[count];
            var lowLink = new int[count];
            var onStack = new bool[count];
            for (int i = 0; i < count; i++)
            {
                index[i] = -1;
            }

            int next = 0;
            var stack = new Stack<int>();
            var work = new Stack<(int Node, int Successor)>();
            var components = new List<List<int>>();
            for (int root = 0; root < count; root++)
            {
                if (index[root] >= 0)
                {
                    continue;
                }

                Visit(root);
                while (work.Count > 0)
                {
                    var (node, successor) = work.Pop();
                    var targets = successors[node];
                    if (successor < targets.Count)
                    {
                        work.Push((node, successor + 1));
                        int target = targets[successor];
                        if (index[target] < 0)
                        {
                            Visit(target);
                        }
                        else if (onStack[target])
                        {
                            lowLink[node] = Math.Min(lowLink[node], index[target]);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        var parent = work.Peek().Node;
                        lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                    }

                    if (lowLink[node] == index[node])
                    {
                        var component = new List<int>();
                        int member;
                        do
                        {
                            member = stack.Pop();
                            onStack[member] = false;
                            component.Add(member);
                        }
                        while (member != node);
                        components.Add(component);
                    }
                }
            }

            return components;

            void Visit(int node)
            {
                index[node] = lowLink[node] = next++;
                stack.Push(node);
                onStack[node] = true;
                work.Push((node, 0));
            }
        }
    }
}
