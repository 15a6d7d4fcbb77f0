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
            return true;
        }

        /// <summary>Every edge, by held then acquired level (ordinal order).</summary>
        public IEnumerable<Edge> Edges()
        {
            foreach (var source in _edges)
            {
                foreach (var target in source.Value)
                {
                    yield return new Edge(source.Key, target.Key, target.Value);
                }
            }
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
            // Levels with outgoing edges first, in order, then levels only ever acquired.
            var levels = new List<string>(_edges.Keys);
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var level in levels)
            {
                numbers.Add(level, numbers.Count);
            }

            var successors = new List<IReadOnlyList<int>>();
            for (int i = 0; i < levels.Count; i++)
            {
                var targets = new List<int>();
                if (_edges.TryGetValue(levels[i], out var edges))
                {
                    foreach (var target in edges.Keys)
                    {
                        if (!numbers.TryGetValue(target, out int number))
                        {
                            number = numbers.Count;
                            numbers.Add(target, number);
                            levels.Add(target);
                        }

                        targets.Add(number);
                    }
                }

                successors.Add(targets);
            }

            var components = new List<List<string>>();
            foreach (var members in StronglyConnected.Components(successors))
            {
                var component = new List<string>(members.Count);
                foreach (var member in members)
                {
                    component.Add(levels[member]);
                }

                components.Add(component);
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
