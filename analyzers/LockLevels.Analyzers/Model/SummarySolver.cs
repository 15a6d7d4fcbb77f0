using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// Transitive lock summaries over a call graph: the levels each method may acquire, directly or
    /// through its callees, each with one witness (a direct acquisition or the call it came through).
    /// Strongly connected components are solved callees-first, so recursion terminates and every
    /// witness chain is finite.
    /// </summary>
    /// <typeparam name="TMethod">A method key (plain C#: the model never sees Roslyn symbols).</typeparam>
    /// <typeparam name="TSite">What a witness points at: an acquisition or a call site.</typeparam>
    public sealed class SummarySolver<TMethod, TSite>
        where TMethod : notnull
    {
        private readonly Dictionary<TMethod, Node> _nodes;

        public SummarySolver(IEqualityComparer<TMethod> comparer) => _nodes = new Dictionary<TMethod, Node>(comparer);

        /// <summary>Adds a level the method acquires itself.</summary>
        public void AddDirect(TMethod method, string level, bool shared, TSite site)
        {
            var node = GetOrAdd(method);
            node.Direct.Add(new Acquisition(level, shared, site, default, null));
        }

        /// <summary>Adds a call from <paramref name="caller"/> to <paramref name="callee"/> at <paramref name="site"/>.</summary>
        public void AddCall(TMethod caller, TMethod callee, TSite site)
        {
            GetOrAdd(caller).Calls.Add((callee, site));
            GetOrAdd(callee);
        }

        /// <summary>The levels the method may acquire, in the order they were first found; empty for unknown methods.</summary>
        public IReadOnlyList<Acquisition> SummaryOf(TMethod method)
            => _nodes.TryGetValue(method, out var node) ? node.Summary : Array.Empty<Acquisition>();

        /// <summary>Computes every summary; call once after all methods and calls are added.</summary>
        public void Solve()
        {
            var nodes = new List<Node>(_nodes.Values);
            var numbers = new Dictionary<Node, int>(nodes.Count);
            for (int i = 0; i < nodes.Count; i++)
            {
                numbers.Add(nodes[i], i);
            }

            var successors = new List<IReadOnlyList<int>>(nodes.Count);
            foreach (var node in nodes)
            {
                var callees = new List<int>(node.Calls.Count);
                foreach (var (callee, _) in node.Calls)
                {
                    callees.Add(numbers[_nodes[callee]]);
                }

                successors.Add(callees);
            }

            foreach (var members in StronglyConnected.Components(successors))
            {
                var component = new List<Node>(members.Count);
                foreach (var member in members)
                {
                    component.Add(nodes[member]);
                }

                SolveComponent(component);
            }
        }

        private void SolveComponent(List<Node> component)
        {
            foreach (var node in component)
            {
                foreach (var direct in node.Direct)
                {
                    node.Add(direct);
                }
            }

            // Levels spread inside the component until nothing changes; a witness is set only when
            // a level is first gained, from a callee that already had it, so chains never loop.
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var node in component)
                {
                    foreach (var (calleeKey, site) in node.Calls)
                    {
                        var callee = _nodes[calleeKey];
                        for (int i = 0; i < callee.Summary.Count; i++)
                        {
                            var acquired = callee.Summary[i];
                            changed |= node.Add(new Acquisition(acquired.Level, acquired.Shared, site, calleeKey, acquired));
                        }
                    }
                }
            }
        }

        private Node GetOrAdd(TMethod method)
        {
            if (!_nodes.TryGetValue(method, out var node))
            {
                node = new Node();
                _nodes.Add(method, node);
            }

            return node;
        }

        /// <summary>
        /// One level in a summary. <see cref="Site"/> is the acquisition (when <see cref="Via"/> is null)
        /// or the call it came through, to <see cref="Callee"/>, whose own acquisition is <see cref="Via"/>.
        /// </summary>
        public sealed class Acquisition
        {
            public Acquisition(string level, bool shared, TSite site, TMethod? callee, Acquisition? via)
            {
                Level = level;
                Shared = shared;
                Site = site;
                Callee = callee;
                Via = via;
            }

            public string Level { get; }

            public bool Shared { get; }

            public TSite Site { get; }

            public TMethod? Callee { get; }

            public Acquisition? Via { get; }

            /// <summary>The calls from here down to the acquisition, and the acquisition last.</summary>
            public IEnumerable<Acquisition> Chain()
            {
                for (var current = this; current != null; current = current.Via)
                {
                    yield return current;
                }
            }
        }

        private sealed class Node
        {
            private readonly HashSet<string> _levels = new(StringComparer.Ordinal);

            public List<Acquisition> Direct { get; } = new();

            public List<(TMethod Callee, TSite Site)> Calls { get; } = new();

            public List<Acquisition> Summary { get; } = new();

            public bool Add(Acquisition acquisition)
            {
                if (!_levels.Add(acquisition.Level))
                {
                    return false;
                }

                Summary.Add(acquisition);
                return true;
            }
        }
    }
}
