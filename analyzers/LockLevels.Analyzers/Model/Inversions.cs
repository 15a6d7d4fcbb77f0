using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// Which edges of a strongly connected set of levels to blame, and the cycle to show for each. An
    /// edge against the declared order is an inversion; among the rest, the edges against a linear order
    /// that most edges follow (Eades, Lin and Smyth's greedy ordering) are. Together they break every
    /// cycle of the set, so every cycle is reported through at least one of them. Each inversion u → v is
    /// shown with the shortest path back from v to u (breadth-first), once per unordered pair of levels,
    /// starting at its smallest level.
    /// </summary>
    internal static class Inversions
    {
        public static void Find<TWitness>(LockDependencyGraph<TWitness> graph, List<string> component, Func<string, string, bool> isOuter, List<IReadOnlyList<LockDependencyGraph<TWitness>.Edge>> cycles)
        {
            var members = new HashSet<string>(component, StringComparer.Ordinal);
            var sorted = new List<string>(component);
            sorted.Sort(StringComparer.Ordinal);

            // Edges against the declared order first; the rest are judged by the greedy order, computed
            // over the edges that are left, so that what remains after removing all blamed edges is acyclic.
            var blamed = new List<(string From, string To)>();
            var blamedSet = new HashSet<(string, string)>();
            foreach (var from in sorted)
            {
                foreach (var to in graph.Successors(from).Keys)
                {
                    if (members.Contains(to) && isOuter(to, from) && blamedSet.Add((from, to)))
                    {
                        blamed.Add((from, to));
                    }
                }
            }

            var position = GreedyOrder(graph, sorted, members, blamedSet);
            foreach (var from in sorted)
            {
                foreach (var to in graph.Successors(from).Keys)
                {
                    if (members.Contains(to) && !blamedSet.Contains((from, to)) && !isOuter(from, to) && position[to] < position[from] && blamedSet.Add((from, to)))
                    {
                        blamed.Add((from, to));
                    }
                }
            }

            var pairs = new HashSet<(string, string)>();
            foreach (var (from, to) in blamed)
            {
                var pair = string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from);
                if (!pairs.Add(pair) || ShortestPath(graph, members, to, from) is not { } back)
                {
                    continue;
                }

                var cycle = new List<LockDependencyGraph<TWitness>.Edge>(back.Count + 1)
                {
                    new LockDependencyGraph<TWitness>.Edge(from, to, graph.Successors(from)[to]),
                };
                cycle.AddRange(back);
                cycles.Add(StartingAtSmallest(cycle));
            }
        }

        /// <summary>A cycle is shown from its smallest level (ordinal order), whichever edge was blamed.</summary>
        private static List<LockDependencyGraph<TWitness>.Edge> StartingAtSmallest<TWitness>(List<LockDependencyGraph<TWitness>.Edge> cycle)
        {
            int start = 0;
            for (int i = 1; i < cycle.Count; i++)
            {
                if (string.CompareOrdinal(cycle[i].Held, cycle[start].Held) < 0)
                {
                    start = i;
                }
            }

            var rotated = new List<LockDependencyGraph<TWitness>.Edge>(cycle.Count);
            for (int i = 0; i < cycle.Count; i++)
            {
                rotated.Add(cycle[(start + i) % cycle.Count]);
            }

            return rotated;
        }

        /// <summary>
        /// A linear order of the set that few edges go against: sinks to the back, sources to the front,
        /// else the level with the most outgoing minus incoming edges to the front (ties by name).
        /// </summary>
        private static Dictionary<string, int> GreedyOrder<TWitness>(LockDependencyGraph<TWitness> graph, List<string> sorted, HashSet<string> members, HashSet<(string, string)> removed)
        {
            var outgoing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var incoming = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var level in sorted)
            {
                outgoing[level] = new List<string>();
                incoming[level] = new List<string>();
            }

            foreach (var from in sorted)
            {
                foreach (var to in graph.Successors(from).Keys)
                {
                    if (members.Contains(to) && !removed.Contains((from, to)))
                    {
                        outgoing[from].Add(to);
                        incoming[to].Add(from);
                    }
                }
            }

            var left = new SortedSet<string>(sorted, StringComparer.Ordinal);
            var outDegree = new Dictionary<string, int>(StringComparer.Ordinal);
            var inDegree = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var level in sorted)
            {
                outDegree[level] = outgoing[level].Count;
                inDegree[level] = incoming[level].Count;
            }

            var front = new List<string>();
            var back = new List<string>();
            void Remove(string level)
            {
                left.Remove(level);
                foreach (var to in outgoing[level])
                {
                    inDegree[to]--;
                }

                foreach (var from in incoming[level])
                {
                    outDegree[from]--;
                }
            }

            while (left.Count > 0)
            {
                string? next = null;
                foreach (var level in left)
                {
                    if (outDegree[level] == 0)
                    {
                        next = level;
                        break;
                    }
                }

                if (next != null)
                {
                    back.Add(next);
                    Remove(next);
                    continue;
                }

                foreach (var level in left)
                {
                    if (inDegree[level] == 0)
                    {
                        next = level;
                        break;
                    }
                }

                if (next == null)
                {
                    int best = int.MinValue;
                    foreach (var level in left)
                    {
                        int score = outDegree[level] - inDegree[level];
                        if (score > best)
                        {
                            best = score;
                            next = level;
                        }
                    }
                }

                front.Add(next!);
                Remove(next!);
            }

            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var level in front)
            {
                position[level] = position.Count;
            }

            for (int i = back.Count - 1; i >= 0; i--)
            {
                position[back[i]] = position.Count;
            }

            return position;
        }

        /// <summary>The fewest edges from <paramref name="start"/> to <paramref name="goal"/> inside the set; null if none.</summary>
        private static List<LockDependencyGraph<TWitness>.Edge>? ShortestPath<TWitness>(LockDependencyGraph<TWitness> graph, HashSet<string> members, string start, string goal)
        {
            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(start);
            previous[start] = start;
            while (queue.Count > 0)
            {
                var level = queue.Dequeue();
                if (level == goal)
                {
                    var path = new List<LockDependencyGraph<TWitness>.Edge>();
                    for (var at = goal; at != start; at = previous[at])
                    {
                        var from = previous[at];
                        path.Add(new LockDependencyGraph<TWitness>.Edge(from, at, graph.Successors(from)[at]));
                    }

                    path.Reverse();
                    return path;
                }

                foreach (var next in graph.Successors(level).Keys)
                {
                    if (members.Contains(next) && !previous.ContainsKey(next))
                    {
                        previous[next] = level;
                        queue.Enqueue(next);
                    }
                }
            }

            return null;
        }
    }
}
