using System.Collections.Generic;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Which mattering units can wait for the whole program to ask for them. A unit that reaches a lock only
    /// through its callees contributes an edge only where a lock is held around it, or where a callee hands
    /// a lock back to it; everything else it records (calls with nothing held) changes no summary a rule reads.
    /// Kept as they come: units that touch a lock or an annotation themselves, that hand out code (lambdas,
    /// local functions, method groups: their stores and arguments dispatch delegate calls), that are not members
    /// (types, top-level statements), and initializers.
    /// </summary>
    internal static class Deferral
    {
        /// <param name="direct">The names marked before the propagation: the lock APIs and annotated members.</param>
        public static void Mark(ReachGraph graph, HashSet<string> direct)
        {
            foreach (var unit in graph.Units)
            {
                unit.Deferred = unit.Matters && unit.Kind == ReachUnitKind.Member && !unit.IsSeed && !unit.HandsOutCode && !RefersToAny(unit, direct);
            }

            foreach (var pair in graph.Partners)
            {
                // An initializer runs in the constructors: it and its member are analysed as they come.
                pair.Value.Deferred = false;
                pair.Key.Deferred = false;
            }
        }

        private static bool RefersToAny(ReachUnit unit, HashSet<string> names)
        {
            foreach (var name in unit.Refers)
            {
                if (names.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
