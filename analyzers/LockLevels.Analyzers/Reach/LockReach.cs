using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The first pass of issue 12: from syntax and declarations only, the bodies that can matter to
    /// LockLevels — those that acquire or release, carry annotations, or may call (by name, over a
    /// call graph built from syntax) a body or member that does. Everything else can skip the
    /// operation trees, control flow graphs and call records. Conservative by construction: names
    /// collide where the syntax cannot tell them apart (a call <c>x.Foo()</c> on a receiver of unknown type
    /// reaches every method named Foo; <see cref="ScopedCalls"/> narrows the rest), implicit calls are spelled out
    /// (<c>Dispose</c> in using, <c>GetEnumerator</c> in foreach, constructors, indexers, operators,
    /// conversions, deconstruction, awaiters), and a delegate invocation reaches every lambda,
    /// local function and method group of the compilation; a node it does not know is in.
    /// </summary>
    /// <remarks>
    /// What the pass relies on, each checked against what the engine records today
    /// (<see cref="Roslyn.CallTargets"/>, <see cref="Roslyn.CallCollector"/>, the flow's lowered calls):
    /// <list type="bullet">
    /// <item>A body's binding never depends on another body's text, so a body left out changes nothing
    /// in the others; the engine's one syntax read outside bodies (a property that hands out a field,
    /// <c>LockCompilation.BackingFieldOf</c>) stays a syntax read whatever the pass says.</item>
    /// <item>A body that neither touches a lock nor refers to a mattering name records no acquisition and
    /// only calls whose summaries are empty, and it sits in no call cycle with a mattering body (a cycle
    /// back to one would be a reference by name): dropping its record changes no summary, edge or finding,
    /// except for two facts the whole program reads from any body, which <see cref="FactDemand"/> keeps:
    /// the types it creates (they make overrides live) and the delegate parameters it stores.</item>
    /// <item>Raised events reach their handlers through <c>+=</c>; the handler is a method group (a name
    /// the subscribing body refers to) or a lambda (part of the subscribing body), and raising is a
    /// delegate invocation, which refers to <see cref="ReachNames.AnyDelegate"/>.</item>
    /// <item>Deep contexts are inherited by overrides and implementations, which share the annotated
    /// member's name: every member so named is a seed.</item>
    /// <item>Left out on purpose: <c>Dispose</c> as a seed name (disposing a lock object releases
    /// nothing; a scope's disposal pairs with its acquisition, a seed of the same body); delegate
    /// fields of referenced assemblies invoked by name; a collection builder's method named other than
    /// Create/CreateRange; <c>dynamic</c> calls (the engine records none).</item>
    /// </list>
    /// </remarks>
    internal sealed class LockReach
    {
        private readonly Dictionary<SyntaxNode, ReachUnit> _units;
        private readonly Dictionary<ReachUnit, ReachUnit> _partners;
        private readonly Dictionary<SyntaxTree, List<SyntaxNode>> _attributedFunctions;

        private LockReach(Dictionary<SyntaxNode, ReachUnit> units, Dictionary<ReachUnit, ReachUnit> partners, int unitCount, int matteringCount, (int Facts, int Stores) demanded, HashSet<string> matteringNames,
            HashSet<string> calledNames, Dictionary<SyntaxTree, List<SyntaxNode>> attributedFunctions)
        {
            CalledNames = calledNames;
            _attributedFunctions = attributedFunctions;
            MatteringNames = matteringNames;
            _units = units;
            _partners = partners;
            UnitCount = unitCount;
            MatteringCount = matteringCount;
            KeptForFactsCount = demanded.Facts;
            StoreCandidateCount = demanded.Stores;
        }

        /// <summary>Units of the compilation: members, types, top-level statements, fragments.</summary>
        public int UnitCount { get; }

        /// <summary>Units found to matter.</summary>
        public int MatteringCount { get; }

        /// <summary>Units that reach no lock but may create a type whose overrides matter (<see cref="FactDemand"/>).</summary>
        public int KeptForFactsCount { get; }

        /// <summary>Units that may store a delegate parameter a mattering caller fills: kept when the owner has a delegate-typed parameter.</summary>
        public int StoreCandidateCount { get; }

        /// <summary>The local functions and lambdas of a tree that carry attributes (which symbol actions never visit).</summary>
        public IReadOnlyList<SyntaxNode> AttributedFunctionsIn(SyntaxTree tree)
            => _attributedFunctions.TryGetValue(tree, out var functions) ? functions : (IReadOnlyList<SyntaxNode>)System.Array.Empty<SyntaxNode>();

        /// <summary>Every name some body calls (<c>N(...)</c>, <c>x.N(...)</c>) or passes or stores as a value (a method group: <c>Run(N)</c>).</summary>
        public IReadOnlyCollection<string> CalledNames { get; }

        /// <summary>The names whose mention makes a body matter (lock APIs, annotated and mattering members, pseudo-names).</summary>
        public IReadOnlyCollection<string> MatteringNames { get; }

        /// <summary>
        /// False only when the body (a member, accessor, constructor, initializer, local function,
        /// lambda or top-level statement, or any node inside one) can neither touch a lock nor reach
        /// one, nor hold a fact the whole-program analysis reads: its operation tree is then not needed.
        /// Lambdas and local functions count as part of their member; accessors as part of their
        /// property, indexer or event.
        /// </summary>
        public bool MayMatter(SyntaxNode body) => DemandOf(body) != ReachDemand.None;

        /// <summary>What the engine needs of the body: nothing, its facts, or its facts if its owner has a delegate-typed parameter.</summary>
        public ReachDemand DemandOf(SyntaxNode body)
        {
            if (UnitOf(body) is not { } unit)
            {
                // Not a body the walk knows (assembly attributes, a tree of another compilation): in.
                return ReachDemand.Facts;
            }

            var demand = DemandOf(unit);
            return _partners.TryGetValue(unit, out var partner) && DemandOf(partner) > demand ? DemandOf(partner) : demand;
        }

        /// <summary>False only when the body (a method's, or a local function's in it) can be no inferred wrapper (<see cref="WrapperReach"/>).</summary>
        public bool MayBeWrapper(SyntaxNode body)
            => UnitOf(body) is not { } unit || unit.MayWrap || (_partners.TryGetValue(unit, out var partner) && partner.MayWrap);

        /// <summary>True when the body's unit is a seed itself: a lock statement or a LockLevels attribute in it.</summary>
        public bool IsSeed(SyntaxNode body) => UnitOf(body)?.IsSeed ?? true;

        /// <summary>The unit of the body's innermost enclosing node that the walk keyed; null for a node it does not know.</summary>
        private ReachUnit? UnitOf(SyntaxNode body)
        {
            for (var node = body; node != null; node = node.Parent)
            {
                if (_units.TryGetValue(node, out var unit))
                {
                    return unit;
                }
            }

            return null;
        }

        public static LockReach Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
            // Sixteen batches (the thread pool spreads them over the cores; Environment is banned in
            // analyzers): parallel enough, and each batch's sets serve many trees.
            var starts = BatchStarts(trees, 16);
            var walkers = new ReachWalker[starts.Length - 1];
            var options = new ParallelOptions { CancellationToken = cancellationToken };
            var referenced = ReferencedAnnotations.Names(compilation, cancellationToken);
            var (declared, converted, typeBases) = DeclaredNames.Of(trees, referenced, cancellationToken);
            Parallel.For(0, walkers.Length, options, b => walkers[b] = ReachWalker.Walk(trees, starts[b], starts[b + 1], declared, converted, cancellationToken));
            return Solve(walkers, referenced, declared, converted, typeBases, cancellationToken);
        }

        /// <summary>
        /// Where each batch of consecutive trees starts, and the end: batches of about the same length of text, so
        /// that the caller, which waits for the last one, does not wait on one batch that holds the largest files.
        /// </summary>
        private static int[] BatchStarts(ImmutableArray<SyntaxTree> trees, int batches)
        {
            long total = 0;
            foreach (var tree in trees)
            {
                total += tree.Length;
            }

            batches = System.Math.Max(1, System.Math.Min(trees.Length, batches));
            var starts = new int[batches + 1];
            long walked = 0;
            int batch = 1;
            for (int i = 0; i < trees.Length; i++)
            {
                // A batch ends once the trees so far reach its share; one larger than a share leaves the next batches empty.
                walked += trees[i].Length;
                while (batch < batches && walked * batches >= total * batch)
                {
                    starts[batch++] = i + 1;
                }
            }

            starts[batches] = trees.Length;
            return starts;
        }

        private static LockReach Solve(ReachWalker[] walkers, HashSet<string> referenced, HashSet<string> declared, HashSet<string> converted,
            List<KeyValuePair<string, string[]>> typeBases, CancellationToken cancellationToken)
        {
            var graph = new ReachGraph(walkers, cancellationToken, declared, converted, typeBases);

            // Seeds: lock statements, LockLevels attributes (and aliases of them), the framework's
            // locking calls, the annotated members of referenced assemblies, and every member that
            // shares a name with an annotated one (it may implement or override it: a deep context).
            var annotated = new HashSet<string>(referenced, System.StringComparer.Ordinal);
            bool anyAttribute = false;
            foreach (var unit in graph.Units)
            {
                bool hasAttribute = HasLockLevelsAttribute(unit, graph.AttributeAliases);
                anyAttribute |= hasAttribute;
                if (!unit.IsSeed && hasAttribute)
                {
                    unit.IsSeed = true;
                    foreach (var name in unit.Declares)
                    {
                        if (!ReachNames.IsPseudo(name) || name == ReachNames.Indexer)
                        {
                            annotated.Add(name);
                        }
                    }
                }
            }

            foreach (var unit in graph.Units)
            {
                foreach (var name in unit.Declares)
                {
                    if (annotated.Contains(name))
                    {
                        unit.IsSeed = true;
                        break;
                    }
                }
            }

            foreach (var name in ReachNames.LockApis)
            {
                graph.MarkName(ReachNames.Method(name));
                graph.MarkName(ReachNames.Inherited(name));
            }

            foreach (var name in annotated)
            {
                graph.MarkName(name);
            }

            foreach (var unit in graph.Units)
            {
                if (unit.IsSeed)
                {
                    graph.MarkUnit(unit);
                }
            }

            int mattering = graph.Propagate();
            WrapperReach.Mark(graph, annotated: anyAttribute || referenced.Count > 0);
            var demanded = FactDemand.Mark(graph, walkers, typeBases);
            var called = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var unit in graph.Units)
            {
                if (unit.Invoked != null)
                {
                    called.UnionWith(unit.Invoked);
                }

                if (unit.ReceiverCalls != null)
                {
                    foreach (var call in unit.ReceiverCalls)
                    {
                        called.Add(call.Name);
                    }
                }
            }

            var attributed = new Dictionary<SyntaxTree, List<SyntaxNode>>();
            foreach (var walker in walkers)
            {
                called.UnionWith(walker.PassedNames);
                foreach (var function in walker.AttributedFunctions)
                {
                    if (!attributed.TryGetValue(function.SyntaxTree, out var list))
                    {
                        attributed.Add(function.SyntaxTree, list = new List<SyntaxNode>());
                    }

                    list.Add(function);
                }
            }

            return new LockReach(graph.Keys, graph.Partners, graph.Units.Count, mattering, demanded, graph.MatteringNames, called, attributed);
        }

        private static ReachDemand DemandOf(ReachUnit unit) => unit.Matters ? ReachDemand.Facts : unit.Demand;

        private static bool HasLockLevelsAttribute(ReachUnit unit, HashSet<string> aliases)
        {
            if (unit.AttributeNames == null)
            {
                return false;
            }

            foreach (var name in unit.AttributeNames)
            {
                if (ReachNames.Attributes.Contains(name) || aliases.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
