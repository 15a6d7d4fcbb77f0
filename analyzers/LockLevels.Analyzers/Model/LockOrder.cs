using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// The partial order of lock levels: the union of every declared chain (outermost first),
    /// transitively closed. Edges that would close a cycle are reported and left out, so the
    /// order stays acyclic and every query has one answer.
    /// </summary>
    public sealed class LockOrder
    {
        public static readonly LockOrder Empty = new LockOrder(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), Array.Empty<HierarchyProblem>());

        private readonly Dictionary<string, HashSet<string>> _innerLevels;

        private LockOrder(Dictionary<string, HashSet<string>> innerLevels, IReadOnlyList<HierarchyProblem> problems)
        {
            _innerLevels = innerLevels;
            Problems = problems;
        }

        /// <summary>Problems found in the declarations, each naming the chain it was found in.</summary>
        public IReadOnlyList<HierarchyProblem> Problems { get; }

        public bool HasDeclarations => _innerLevels.Count > 0;

        public bool IsDeclared(string level) => _innerLevels.ContainsKey(level);

        /// <summary>True when <paramref name="outer"/> must be acquired before <paramref name="inner"/>.</summary>
        public bool IsOuter(string outer, string inner)
            => _innerLevels.TryGetValue(outer, out var inners) && inners.Contains(inner);

        public static LockOrder Build(IReadOnlyList<IReadOnlyList<string>> chains)
        {
            var inner = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var problems = new List<HierarchyProblem>();

            for (int chainIndex = 0; chainIndex < chains.Count; chainIndex++)
            {
                var chain = chains[chainIndex];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var repeated = new HashSet<string>(StringComparer.Ordinal);
                string? previous = null;
                foreach (var level in chain)
                {
                    if (string.IsNullOrWhiteSpace(level))
                    {
                        continue;
                    }

                    if (!seen.Add(level))
                    {
                        // One problem per repeated level, however many times it is repeated.
                        if (repeated.Add(level))
                        {
                            problems.Add(new HierarchyProblem(chainIndex, HierarchyProblemKind.LevelListedTwice, new[] { level }));
                        }

                        continue;
                    }

                    GetOrAdd(inner, level);
                    if (previous != null)
                    {
                        AddEdge(inner, previous, level, chainIndex, problems);
                    }

                    previous = level;
                }
            }

            return new LockOrder(inner, problems);
        }

        private static void AddEdge(Dictionary<string, HashSet<string>> inner, string outer, string innerLevel, int chainIndex, List<HierarchyProblem> problems)
        {
            if (inner[innerLevel].Contains(outer))
            {
                problems.Add(new HierarchyProblem(chainIndex, HierarchyProblemKind.Cycle, CyclePath(inner, outer, innerLevel)));
                return;
            }

            if (inner[outer].Contains(innerLevel))
            {
                return;
            }

            // Keep the closure transitive: everything outer to 'outer' (and 'outer' itself)
            // becomes outer to 'innerLevel' and to everything inner to it.
            var newInners = new List<string>(inner[innerLevel]) { innerLevel };
            foreach (var entry in inner)
            {
                if (entry.Key == outer || entry.Value.Contains(outer))
                {
                    foreach (var level in newInners)
                    {
                        entry.Value.Add(level);
                    }
                }
            }
        }

        private static string[] CyclePath(Dictionary<string, HashSet<string>> inner, string outer, string innerLevel)
        {
            // The declared order already has innerLevel before outer; walk one shortest-looking
            // path innerLevel -> ... -> outer through the closure, then close it with outer -> innerLevel.
            var path = new List<string> { innerLevel };
            var current = innerLevel;
            while (current != outer)
            {
                string? next = null;
                foreach (var candidate in inner[current])
                {
                    if (candidate == outer || inner[candidate].Contains(outer))
                    {
                        if (next == null || (inner[candidate].Count > inner[next].Count))
                        {
                            next = candidate;
                        }
                    }
                }

                if (next == null)
                {
                    break;
                }

                path.Add(next);
                current = next;
            }

            path.Add(innerLevel);
            return path.ToArray();
        }

        private static HashSet<string> GetOrAdd(Dictionary<string, HashSet<string>> map, string level)
        {
            if (!map.TryGetValue(level, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                map.Add(level, set);
            }

            return set;
        }
    }

    public enum HierarchyProblemKind
    {
        Cycle,
        LevelListedTwice,
    }

    public sealed class HierarchyProblem
    {
        public HierarchyProblem(int chainIndex, HierarchyProblemKind kind, IReadOnlyList<string> levels)
        {
            ChainIndex = chainIndex;
            Kind = kind;
            Levels = levels;
        }

        public int ChainIndex { get; }

        public HierarchyProblemKind Kind { get; }

        /// <summary>For a cycle, the levels around it, first and last equal; otherwise the level concerned.</summary>
        public IReadOnlyList<string> Levels { get; }
    }
}
