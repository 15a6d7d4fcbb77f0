using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The name-level call graph of a compilation, merged from every tree's walk: which units
    /// refer to each name, and the fixed point "a unit matters when it is a seed or refers to a
    /// name that a mattering unit declares", computed with one worklist in time linear in the
    /// number of references.
    /// </summary>
    internal sealed class ReachGraph
    {
        private readonly Dictionary<string, List<ReachUnit>> _referrers = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _matteringNames = new(System.StringComparer.Ordinal);
        private readonly Queue<ReachUnit> _queue = new();
        private readonly CancellationToken _cancellationToken;
        private bool _everything;

        /// <param name="outsideNames">The names marked before the walks (<see cref="DeclaredNames"/>), which calls to other assemblies' methods are kept by; null keeps them all.</param>
        /// <param name="conversionTypes">The types a mention of which may call an implicit conversion of source (<see cref="DeclaredNames"/>).</param>
        /// <param name="typeBases">Each type declaration's name and the names in its base list (<see cref="DeclaredNames"/>).</param>
        public ReachGraph(ReachWalker[] walkers, CancellationToken cancellationToken, HashSet<string>? outsideNames, HashSet<string> conversionTypes,
            List<KeyValuePair<string, string[]>> typeBases)
        {
            _cancellationToken = cancellationToken;
            var valueNames = new HashSet<string>(ReachNames.DelegateInvokes, System.StringComparer.Ordinal);
            var methodNames = new HashSet<string>(System.StringComparer.Ordinal);
            var handlerTypes = new HashSet<string>(System.StringComparer.Ordinal);
            int keyCount = 0;
            var nonDelegateTypes = new HashSet<string>(System.StringComparer.Ordinal);
            var delegateTypes = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var walker in walkers)
            {
                nonDelegateTypes.UnionWith(walker.DeclaredTypes);
                delegateTypes.UnionWith(walker.DelegateTypes);
            }

            nonDelegateTypes.ExceptWith(delegateTypes);
            foreach (var walker in walkers)
            {
                foreach (var typed in walker.TypedValueNames)
                {
                    if (!nonDelegateTypes.Contains(typed.Value))
                    {
                        valueNames.Add(typed.Key);
                    }
                }

                valueNames.UnionWith(walker.ValueNames);
                methodNames.UnionWith(walker.MethodNames);
                handlerTypes.UnionWith(walker.HandlerTypes);
                keyCount += walker.Keys.Count;
            }

            ScopedCalls.Resolve(walkers, outsideNames, typeBases);
            Keys = new Dictionary<SyntaxNode, ReachUnit>(keyCount);
            Partners = new Dictionary<ReachUnit, ReachUnit>();

            // Methods used as method groups become delegates: a delegate invocation may reach them.
            var delegates = new ReachUnit(ReachUnitKind.Fragment);
            delegates.Declare(ReachNames.AnyDelegate);
            Units.Add(delegates);

            foreach (var walker in walkers)
            {
                foreach (var pair in walker.Keys)
                {
                    Keys[pair.Key] = pair.Value;
                }

                foreach (var pair in walker.Partners)
                {
                    Partners[pair.Key] = pair.Value;
                }

                foreach (var name in walker.PassedNames)
                {
                    if (methodNames.Contains(name))
                    {
                        delegates.Refer(ReachNames.Method(name));
                    }
                }

                foreach (var alias in walker.Aliases)
                {
                    // using X = Ns.Target: when Target matters, so does every mention of X.
                    var unit = new ReachUnit(ReachUnitKind.Alias);
                    unit.Declare(alias.Key);
                    unit.Refer(alias.Value);
                    Units.Add(unit);
                    if (ReachNames.Attributes.Contains(alias.Value))
                    {
                        AttributeAliases.Add(alias.Key);
                    }
                }

                foreach (var unit in walker.Units)
                {
                    Complete(unit, valueNames, handlerTypes);
                    ReferConversions(unit, conversionTypes);
                    Units.Add(unit);
                }
            }

            foreach (var unit in Units)
            {
                unit.Seal();
                foreach (var name in unit.Refers)
                {
                    if (!_referrers.TryGetValue(name, out var list))
                    {
                        list = new List<ReachUnit>(2);
                        _referrers.Add(name, list);
                    }

                    list.Add(unit);
                }
            }
        }

        public List<ReachUnit> Units { get; } = new();

        /// <summary>Names declared by a mattering unit (or seeds by themselves): a reference to one makes a body matter.</summary>
        public HashSet<string> MatteringNames => _matteringNames;

        public Dictionary<SyntaxNode, ReachUnit> Keys { get; }

        public Dictionary<ReachUnit, ReachUnit> Partners { get; }

        /// <summary>Aliases of LockLevels' attributes (<c>using Acq = LockLevels.AcquiresAttribute;</c>).</summary>
        public HashSet<string> AttributeAliases { get; } = new(System.StringComparer.Ordinal);

        /// <summary>The references only the whole compilation can tell: delegate invocations and interpolated string handlers.</summary>
        private static void Complete(ReachUnit unit, HashSet<string> valueNames, HashSet<string> handlerTypes)
        {
            bool invokesDelegate = unit.InvokesDelegate;
            if (!invokesDelegate && unit.Invoked != null)
            {
                foreach (var name in unit.Invoked)
                {
                    if (valueNames.Contains(name) && !unit.InvokesOwnLambda(name))
                    {
                        invokesDelegate = true;
                        break;
                    }
                }
            }

            if (invokesDelegate)
            {
                unit.Refer(ReachNames.AnyDelegate);
            }

            if (unit.UsesInterpolation && handlerTypes.Count > 0)
            {
                unit.Refer(ReachNames.Interpolation);
                foreach (var type in handlerTypes)
                {
                    unit.Refer(type);
                    unit.Create(type);
                }
            }
        }

        /// <summary>A body that mentions a type an implicit conversion converts between may call it (<see cref="ReachNames.Conversion"/>).</summary>
        private static void ReferConversions(ReachUnit unit, HashSet<string> conversionTypes)
        {
            if (conversionTypes.Count == 0)
            {
                return;
            }

            var converted = ConversionsIn(unit.Refers, conversionTypes, null);
            converted = ConversionsIn(unit.TypeMentions, conversionTypes, converted);
            if (converted != null)
            {
                foreach (var name in converted)
                {
                    unit.Refer(name);
                }
            }
        }

        private static List<string>? ConversionsIn(IReadOnlyList<string>? names, HashSet<string> conversionTypes, List<string>? converted)
        {
            if (names != null)
            {
                foreach (var name in names)
                {
                    if (conversionTypes.Contains(name))
                    {
                        (converted ??= new List<string>()).Add(ReachNames.Conversion(name));
                    }
                }
            }

            return converted;
        }

        /// <summary>The units that refer to <paramref name="name"/>; null for none.</summary>
        public List<ReachUnit>? ReferrersOf(string name) => _referrers.TryGetValue(name, out var referrers) ? referrers : null;

        public void MarkName(string name)
        {
            if (!_matteringNames.Add(name) || _everything)
            {
                return;
            }

            if (name == ReachNames.Anywhere)
            {
                // An implicit conversion or a true/false operator that matters: any body may call it.
                _everything = true;
                foreach (var unit in Units)
                {
                    MarkUnit(unit);
                }

                return;
            }

            if (_referrers.TryGetValue(name, out var referrers))
            {
                foreach (var unit in referrers)
                {
                    MarkUnit(unit);
                }
            }
        }

        public void MarkUnit(ReachUnit unit)
        {
            if (!unit.Matters)
            {
                unit.Matters = true;
                _queue.Enqueue(unit);
            }
        }

        /// <summary>Runs the worklist to its fixed point; returns how many units matter.</summary>
        public int Propagate()
        {
            int steps = 0;
            while (_queue.Count > 0)
            {
                if ((++steps & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                foreach (var name in _queue.Dequeue().Declares)
                {
                    MarkName(name);
                }
            }

            int mattering = 0;
            foreach (var unit in Units)
            {
                if (unit.Matters)
                {
                    mattering++;
                }
            }

            return mattering;
        }
    }
}
