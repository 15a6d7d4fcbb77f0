using System.Collections.Generic;
using LockLevels.Analyzers.Flow;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Units that reach no lock but whose facts the whole-program analysis still reads, found once the
    /// propagation is over (they do not propagate: their callers need nothing from them):
    /// <list type="bullet">
    /// <item>creations that make a type live (<c>WholeProgram/LiveTypes</c>): a unit that may create,
    /// name in <c>typeof</c> or pass as a type argument a type declaring a mattering member, or a type
    /// derived from one by name, or that creates a type its syntax does not spell;</item>
    /// <item>stores of a delegate parameter into a field or property (<c>Flow/DelegateStores</c>),
    /// which a mattering caller's delegate argument fills: a unit that assigns or adds, declared by a
    /// name a mattering unit refers to. Whether the owner has a delegate-typed parameter is for the
    /// engine to tell from its symbol (<see cref="ReachDemand.IfDelegateParameter"/>).</item>
    /// </list>
    /// </summary>
    internal static class FactDemand
    {
        /// <summary>Marks the units; returns how many are kept for their facts, and how many may store a delegate parameter.</summary>
        /// <param name="typeBases">Each type declaration's name and the names in its base list (<see cref="DeclaredNames"/>).</param>
        public static (int Facts, int Stores) Mark(ReachGraph graph, ReachWalker[] walkers, List<KeyValuePair<string, string[]>> typeBases)
        {
            var liveTypes = new HashSet<string>(System.StringComparer.Ordinal);
            var referred = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var unit in graph.Units)
            {
                if (unit.Matters)
                {
                    if (unit.ContainingType is { Length: > 0 } type)
                    {
                        liveTypes.Add(type);
                    }

                    referred.UnionWith(unit.Refers);
                }
            }

            AddDerivedAndAliases(liveTypes, walkers, typeBases);
            int facts = 0, stores = 0;
            foreach (var unit in graph.Units)
            {
                if (unit.Matters)
                {
                    continue;
                }

                if (liveTypes.Count > 0 && (unit.CreatesUnknown || AnyIn(unit.Created, liveTypes)))
                {
                    unit.Demand = ReachDemand.Facts;
                }
                else if (MayStore(unit) && AnyIn(unit.Declares, referred))
                {
                    unit.Demand = ReachDemand.IfDelegateParameter;
                }

                facts += unit.Demand == ReachDemand.Facts ? 1 : 0;
                stores += unit.Demand == ReachDemand.IfDelegateParameter ? 1 : 0;
            }

            return (facts, stores);
        }

        /// <summary>Creating a derived type makes its bases live, so its creations count too; so does a mention through an alias.</summary>
        private static void AddDerivedAndAliases(HashSet<string> types, ReachWalker[] walkers, List<KeyValuePair<string, string[]>> typeBases)
        {
            if (types.Count == 0)
            {
                return;
            }

            var derived = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            foreach (var pair in typeBases)
            {
                foreach (var baseName in pair.Value)
                {
                    if (!derived.TryGetValue(baseName, out var list))
                    {
                        derived.Add(baseName, list = new List<string>(2));
                    }

                    list.Add(pair.Key);
                }
            }

            var queue = new Queue<string>(types);
            while (queue.Count > 0)
            {
                if (derived.TryGetValue(queue.Dequeue(), out var list))
                {
                    foreach (var type in list)
                    {
                        if (types.Add(type))
                        {
                            queue.Enqueue(type);
                        }
                    }
                }
            }

            foreach (var walker in walkers)
            {
                foreach (var alias in walker.Aliases)
                {
                    if (types.Contains(alias.Value))
                    {
                        types.Add(alias.Key);
                    }
                }
            }
        }

        /// <summary>Assigns, adds to a collection, or declares its own type's name (a constructor or an initializer, which may store a primary constructor's parameter).</summary>
        private static bool MayStore(ReachUnit unit)
        {
            if (unit.Assigns || (unit.ContainingType != null && unit.Declares.Contains(unit.ContainingType)))
            {
                return true;
            }

            if (unit.Invoked != null)
            {
                foreach (var name in unit.Invoked)
                {
                    if (System.Array.IndexOf(DelegateStores.AddNames, name) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool AnyIn(IReadOnlyList<string>? names, HashSet<string> set)
        {
            if (names != null)
            {
                foreach (var name in names)
                {
                    if (set.Contains(name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
