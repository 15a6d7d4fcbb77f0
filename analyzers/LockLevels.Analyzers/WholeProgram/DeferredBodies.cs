using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Reach;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The deferred units (<see cref="ReachUnit.Deferred"/>) the whole program needs, analysed at compilation
    /// end, round after round until no round asks for more. A deferred unit is needed when
    /// <list type="bullet">
    /// <item>it may run with a lock held: a call made under a lock, or by a body that runs under one, may
    /// reach it (any override of the callee counts, whichever objects exist);</item>
    /// <item>it calls a method that hands it a lock: a wrapper, or one that returns holding a thread-affine lock;</item>
    /// <item>it may call a method that runs under a lock and that only this compilation can call
    /// (<see cref="EntryHeld"/> asks every call site);</item>
    /// <item>it may create a type whose override such a call reaches (<see cref="LiveTypes"/>).</item>
    /// </list>
    /// A deferred unit none of these reach records only calls with nothing held, to callees whose summaries
    /// nothing held ever reads: leaving it out changes no edge and no finding. Owned by one compilation's
    /// analysis (its compilation-start closure).
    /// </summary>
    internal sealed class DeferredBodies
    {
        private readonly Compilation _compilation;
        private readonly CompilationIndex _index;
        private readonly LockReach _reach;
        private readonly ConcurrentDictionary<SyntaxNode, byte> _analyzedBlocks = new();
        private readonly HashSet<ReachUnit> _requested = new();
        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derived;

        public DeferredBodies(Compilation compilation, CompilationIndex index, LockReach reach)
        {
            _compilation = compilation;
            _index = index;
            _reach = reach;
        }

        /// <summary>Whether the body waits for the whole program: its unit is deferred, and it cannot store a delegate its owner receives.</summary>
        public bool Waits(SyntaxNode block, ISymbol owner)
        {
            var unit = _reach.DeferredUnitOf(block);
            if (unit == null)
            {
                return false;
            }

            if (FactDemand.MayStore(unit) && DelegateStores.MayReceiveDelegate(owner))
            {
                _analyzedBlocks.TryAdd(block, 0);
                return false;
            }

            return true;
        }

        /// <summary>
        /// Analyses, with <paramref name="analyze"/>, the deferred units the facts in <paramref name="program"/>
        /// ask for, until they ask for no more; <paramref name="analyze"/> adds what it finds to <paramref name="program"/>.
        /// </summary>
        public void Complete(ConcurrentQueue<BodyFacts> program, System.Action<IOperation, ISymbol> analyze, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var all = new List<BodyFacts>(program);
                var wanted = new HashSet<ReachUnit>();
                Ask(all, wanted);
                wanted.ExceptWith(_requested);
                if (wanted.Count == 0)
                {
                    return;
                }

                _requested.UnionWith(wanted);
                Analyze(wanted, analyze, cancellationToken);
            }
        }

        private void Ask(List<BodyFacts> all, HashSet<ReachUnit> wanted)
        {
            var bodies = new List<BodyFacts>();
            var byMethod = new Dictionary<IMethodSymbol, List<BodyFacts>>(SymbolEqualityComparer.Default);
            foreach (var body in all)
            {
                if (body.Method != null)
                {
                    bodies.Add(body);
                    if (!byMethod.TryGetValue(body.Method, out var list))
                    {
                        byMethod.Add(body.Method, list = new List<BodyFacts>(1));
                    }

                    list.Add(body);
                }
            }

            var dispatch = new CallDispatch(_index, bodies, all, LiveTypes.Any);
            var underLock = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var pending = new Queue<IMethodSymbol>();
            var overridden = new HashSet<string>(System.StringComparer.Ordinal);

            void Follow(Call call)
            {
                foreach (var target in dispatch.Targets(call))
                {
                    if (underLock.Add(target))
                    {
                        pending.Enqueue(target);
                    }
                }

                if (!call.IsExact && call.DelegateSource == null && call.Callee.ContainingAssembly is ISourceAssemblySymbol)
                {
                    // Overrides not analysed yet: the next round's dispatch sees them, and they make their types' creations matter.
                    foreach (var implementation in Implementations(call.Callee))
                    {
                        RequestUnitOf(implementation, wanted);
                        if (_reach.MemberUnitOf(Syntax(implementation)!) is { ContainingType: { } type })
                        {
                            overridden.Add(type);
                        }
                    }
                }
            }

            foreach (var body in all)
            {
                foreach (var call in body.Calls)
                {
                    if (!call.Held.IsEmpty || body.Context != null)
                    {
                        Follow(call);
                    }
                }
            }

            while (pending.Count > 0)
            {
                var method = pending.Dequeue();
                if (byMethod.TryGetValue(method, out var facts))
                {
                    foreach (var body in facts)
                    {
                        foreach (var call in body.Calls)
                        {
                            Follow(call);
                        }
                    }
                }
                else
                {
                    RequestUnitOf(method, wanted);
                }

                if (EntryHeld.IsOnlyCalledHere(_index, method) && UnitOf(method) is { } unit)
                {
                    _reach.AddDeferredReferrers(unit, wanted);
                }
            }

            var returned = new ReturnedLocks(_index, bodies);
            foreach (var body in bodies)
            {
                if ((body.Effect is { IsEmpty: false } || returned.Of(body.Method!).Count > 0) && UnitOf(body.Method!) is { } unit)
                {
                    _reach.AddDeferredReferrers(unit, wanted);
                }
            }

            if (overridden.Count > 0)
            {
                _reach.AddDeferredCreators(overridden, wanted);
            }
        }

        private void RequestUnitOf(IMethodSymbol method, HashSet<ReachUnit> wanted)
        {
            if (UnitOf(method) is { Deferred: true } unit)
            {
                wanted.Add(unit);
            }
        }

        private ReachUnit? UnitOf(IMethodSymbol method) => Syntax(method) is { } syntax ? _reach.MemberUnitOf(syntax) : null;

        private static SyntaxNode? Syntax(IMethodSymbol method)
        {
            var declared = (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences;
            return declared.IsEmpty ? null : declared[0].GetSyntax();
        }

        /// <summary>What objects of the source types derived from the callee's type run for it.</summary>
        private List<IMethodSymbol> Implementations(IMethodSymbol callee)
        {
            var found = new List<IMethodSymbol>();
            var containing = callee.ContainingType?.OriginalDefinition;
            if (containing != null && Derived().TryGetValue(containing, out var types))
            {
                foreach (var type in types)
                {
                    if (CallDispatch.InheritedImplementation(type, callee) is { } implementation && !found.Contains(implementation))
                    {
                        found.Add(implementation);
                    }
                }
            }

            return found;
        }

        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> Derived()
        {
            if (_derived != null)
            {
                return _derived;
            }

            var derived = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(_compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        namespaces.Push(container);
                    }

                    if (member is INamedTypeSymbol type)
                    {
                        for (var current = type.BaseType; current != null; current = current.BaseType)
                        {
                            AddDerived(derived, current.OriginalDefinition, type);
                        }

                        foreach (var @interface in type.AllInterfaces)
                        {
                            AddDerived(derived, @interface.OriginalDefinition, type);
                        }
                    }
                }
            }

            return _derived = derived;
        }

        private static void AddDerived(Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> derived, INamedTypeSymbol ancestor, INamedTypeSymbol type)
        {
            if (ancestor.ContainingAssembly is not ISourceAssemblySymbol)
            {
                return;
            }

            if (!derived.TryGetValue(ancestor, out var list))
            {
                derived.Add(ancestor, list = new List<INamedTypeSymbol>());
            }

            list.Add(type);
        }

        /// <summary>Analyses the units' bodies not analysed yet, tree by tree, in parallel.</summary>
        private void Analyze(HashSet<ReachUnit> units, System.Action<IOperation, ISymbol> analyze, CancellationToken cancellationToken)
        {
            var trees = new Dictionary<SyntaxTree, List<SyntaxNode>>();
            foreach (var unit in units)
            {
                foreach (var node in _reach.NodesOf(unit))
                {
                    if (!trees.TryGetValue(node.SyntaxTree, out var list))
                    {
                        trees.Add(node.SyntaxTree, list = new List<SyntaxNode>());
                    }

                    list.Add(node);
                }
            }

            var options = new ParallelOptions { CancellationToken = cancellationToken };
            Parallel.ForEach(trees, options, pair => AnalyzeTree(pair.Key, units, analyze, cancellationToken));
        }

        private void AnalyzeTree(SyntaxTree tree, HashSet<ReachUnit> units, System.Action<IOperation, ISymbol> analyze, CancellationToken cancellationToken)
        {
            var model = _compilation.GetSemanticModel(tree);
            var declarations = new List<(SyntaxNode Block, ISymbol Owner)>();
            DeclarationBlocks.Collect(model, declarations, cancellationToken);
            var blocks = new List<SyntaxNode>(2);
            foreach (var (declaration, owner) in declarations)
            {
                blocks.Clear();
                BodyRoots.Collect(declaration, owner, blocks);
                IOperation? previousRoot = null;
                foreach (var block in blocks)
                {
                    if (_reach.DeferredUnitOf(block) is not { } unit || !units.Contains(unit) || !_analyzedBlocks.TryAdd(block, 0))
                    {
                        continue;
                    }

                    var operation = model.GetOperation(block, cancellationToken);
                    if (operation == null)
                    {
                        continue;
                    }

                    var root = BodyRoots.RootOf(operation);
                    if (root != previousRoot && BodyRoots.HasControlFlowGraph(root))
                    {
                        previousRoot = root;
                        analyze(root, owner);
                    }
                }
            }
        }
    }
}
