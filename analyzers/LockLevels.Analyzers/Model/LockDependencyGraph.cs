using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// lockdep's dependency graph: an edge A → B says B was acquired while A was held, and keeps the
    /// first witness added for it. A cycle is a possible deadlock, whatever order was declared.
    /// </summary>
    public sealed class LockDependencyGraph<TWitness>
    {
        /// <summary>Enough to show every real cycle of a codebase; a bound keeps a pathological graph cheap.</summary>
        public const int MaxCycles = 64;

        private readonly SortedDictionary<string, SortedDictionary<string, TWitness>> _edges = new(StringComparer.Ordinal);

        public int EdgeCount { get; private set; }

        /// <summary>Adds held → acquired unless it is already there (the first witness stays).</summary>
        public bool AddEdge(string held, string acquired, TWitness witness)
        {
            if (held == acquired)
            {
                return false;
            }

            if (!_edges.TryGetValue(held, out var targets))
            {
                targets = new SortedDictionary<string, TWitness>(StringComparer.Ordinal);
                _edges.Add(held, targets);
            }

            if (targets.ContainsKey(acquired))
            {
                return false;
            }

            targets.Add(acquired, witness);
            EdgeCount++;
            return true;
        }

        public bool TryGetEdge(string held, string acquired, out TWitness witness)
        {
            witness = default!;
            return _edges.TryGetValue(held, out var targets) && targets.TryGetValue(acquired, out witness!);
        }

        /// <summary>
        /// Every elementary cycle (up to <see cref="MaxCycles"/>), each once, starting at its smallest
        /// level (ordinal order), listed in a deterministic order. Only strongly connected components
        /// with more than one level are searched, so an acyclic graph costs one linear pass.
        /// </summary>
        public IReadOnlyList<IReadOnlyList<Edge>> FindCycles()
        {
            var cycles = new List<IReadOnlyList<Edge>>();
            foreach (var component in Components())
            {
                if (component.Count < 2)
                {
                    continue;
                }

                var members = new List<string>(component);
                members.Sort(StringComparer.Ordinal);
                for (int s = 0; s < members.Count && cycles.Count < MaxCycles; s++)
                {
                    var start = members[s];
                    var allowed = new HashSet<string>(StringComparer.Ordinal);
                    for (int i = s; i < members.Count; i++)
                    {
                        allowed.Add(members[i]);
                    }

                    var path = new List<Edge>();
                    var onPath = new HashSet<string>(StringComparer.Ordinal) { start };
                    Search(start, start, allowed, path, onPath, cycles);
                }
            }

            return cycles;
        }

        private void Search(string start, string current, HashSet<string> allowed, List<Edge> path, HashSet<string> onPath, List<IReadOnlyList<Edge>> cycles)
        {
            if (!_edges.TryGetValue(current, out var targets))
            {
                return;
            }

            foreach (var target in targets)
            {
                if (cycles.Count >= MaxCycles)
                {
                    return;
                }

                if (!allowed.Contains(target.Key))
                {
                    continue;
                }

                path.Add(new Edge(current, target.Key, target.Value));
                if (target.Key == start)
                {
                    cycles.Add(path.ToArray());
                }
                else if (onPath.Add(target.Key))
                {
                    Search(start, target.Key, allowed, path, onPath, cycles);
                    onPath.Remove(target.Key);
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        private List<List<string>> Components()
        {
            // Tarjan's algorithm, recursive: the level graph is small (one node per lock level).
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var onStack = new HashSet<string>(StringComparer.Ordinal);
            var components = new List<List<string>>();

            void Connect(string node)
            {
                index[node] = lowLink[node] = index.Count;
                stack.Push(node);
                onStack.Add(node);
                if (_edges.TryGetValue(node, out var targets))
                {
                    foreach (var target in targets.Keys)
                    {
                        if (!index.ContainsKey(target))
                        {
                            Connect(target);
                            lowLink[node] = Math.Min(lowLink[node], lowLink[target]);
                        }
                        else if (onStack.Contains(target))
                        {
                            lowLink[node] = Math.Min(lowLink[node], index[target]);
                        }
                    }
                }

                if (lowLink[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }

            foreach (var node in _edges.Keys)
            {
                if (!index.ContainsKey(node))
                {
                    Connect(node);
                }
            }

            return components;
        }

        public readonly struct Edge
        {
            public Edge(string held, string acquired, TWitness witness)
            {
                Held = held;
                Acquired = acquired;
                Witness = witness;
            }

            public string Held { get; }

            public string Acquired { get; }

            public TWitness Witness { get; }
        }
    }
}
