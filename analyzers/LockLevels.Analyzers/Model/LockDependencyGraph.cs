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
        private static readonly SortedDictionary<string, TWitness> Empty = new(StringComparer.Ordinal);

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

        /// <summary>The levels acquired while <paramref name="held"/> is held, in ordinal order, with their witnesses.</summary>
        public IReadOnlyDictionary<string, TWitness> Successors(string held)
            => _edges.TryGetValue(held, out var targets) ? targets : Empty;

        /// <summary>
        /// One cycle per inversion (see <see cref="Inversions"/>): each edge that goes against the declared
        /// order, or against the order most of a strongly connected set follows, with the shortest cycle
        /// through it, starting at that edge. Cost is polynomial: no enumeration of paths.
        /// </summary>
        /// <param name="isOuter">The declared order: whether the first level is declared outer to the second.</param>
        public IReadOnlyList<IReadOnlyList<Edge>> FindInversions(Func<string, string, bool> isOuter)
        {
            var cycles = new List<IReadOnlyList<Edge>>();
            foreach (var component in Components())
            {
                if (component.Count > 1)
                {
                    Inversions.Find(this, component, isOuter, cycles);
                }
            }

            return cycles;
        }

        /// <summary>The strongly connected sets of levels.</summary>
        internal List<List<string>> Components()
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
