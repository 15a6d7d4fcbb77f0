using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Reach;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Inferred wrappers: the <see cref="WrapperEffect"/> of each unannotated private or internal method
    /// and local function, computed on demand (when a body that is being analysed calls one) from the
    /// held-lock flow over the callee's own graph, once per compilation (or once per thread that asks at the
    /// same time). Its callers' flows then hold or give back what it does, as for an annotated call.
    /// Wrappers calling wrappers are followed callees first, depth first; a method on a cycle of such calls
    /// (recursion) is no wrapper, whichever of them is asked first, so the answer never depends on the
    /// order bodies are analysed in. A method
    /// whose name is never called in the compilation is no wrapper either: nobody would be checked.
    /// </summary>
    internal sealed class WrapperEffects
    {
        /// <summary>Deeper chains of helpers are cut (their callee is taken as no wrapper) so a pathological call graph cannot overflow the stack.</summary>
        private const int MaxDepth = 48;

        private readonly Compilation _compilation;
        private readonly CompilationIndex _index;
        private readonly LockReach? _reach;
        private readonly ConcurrentDictionary<IMethodSymbol, Entry> _effects = new(SymbolEqualityComparer.Default);

        // Each thread walks its own depth-first stack. A method on a cycle of calls is no wrapper, and one off
        // every cycle has the effect its callees give it, whichever thread computes it and whatever it asked
        // first: two threads that meet on one method compute the same entry, and the first one stored is kept.
        private readonly ThreadLocal<Walk> _walks = new(() => new Walk());

        // The facts of the lock-free callees walked here, for their own analysis to take instead of walking them again.
        private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<BodyFacts>> _lockFreeFacts = new();

        private HashSet<string>? _calledNames;
        private LockEventClassifier? _classifier;
        private CallRecorder? _recorder;

        public WrapperEffects(Compilation compilation, CompilationIndex index, LockReach? reach)
        {
            _compilation = compilation;
            _index = index;
            _reach = reach;
        }

        /// <summary>The flow that computes effects: the one every body is analysed with.</summary>
        public void Use(LockEventClassifier classifier, CallRecorder recorder)
        {
            _classifier = classifier;
            _recorder = recorder;
        }

        /// <summary>The facts of <paramref name="body"/> if wrapper inference found it lock-free and walked it (once: they are handed over).</summary>
        public bool TryTakeLockFreeFacts(IOperation body, out ImmutableArray<BodyFacts> facts) => _lockFreeFacts.TryRemove(body.Syntax, out facts);

        /// <summary>What a call of <paramref name="method"/> does to its caller's locks; <see cref="WrapperEffect.None"/> for any method that is no inferred wrapper.</summary>
        public WrapperEffect Of(IMethodSymbol method)
        {
            method = AnnotationReader.Normalize(method);
            if (method.ContainingAssembly is not ISourceAssemblySymbol)
            {
                // Most calls are of other assemblies' methods: no shared cache to fill.
                return WrapperEffect.None;
            }

            if (_effects.TryGetValue(method, out var known) && known.CycleRoot == null)
            {
                return known.Effect;
            }

            if (known == null && !IsCandidate(method))
            {
                return WrapperEffect.None;
            }

            var operation = known == null ? Bind(method) : null;
            if (known == null && operation == null)
            {
                return _effects.GetOrAdd(method, Entry.NoWrapper).Effect;
            }

            var walk = _walks.Value!;
            if (walk.Stack.Count == 0)
            {
                // A fresh walk (an earlier one may have been cancelled half way).
                walk.Lowest = int.MaxValue;
            }

            return Compute(method, operation, walk);
        }

        /// <summary>The effect of a candidate whose body is bound (<paramref name="operation"/>), or that is on the walk's stack or computed (null).</summary>
        private WrapperEffect Compute(IMethodSymbol method, IOperation? operation, Walk walk)
        {
            if (_effects.TryGetValue(method, out var known))
            {
                // Still on a cycle whose first method is being computed: its members see each other as on the stack.
                if (known.CycleRoot != null && IndexOf(walk, known.CycleRoot) is var root && root >= 0)
                {
                    walk.Lowest = System.Math.Min(walk.Lowest, root);
                }

                return known.Effect;
            }

            int onStack = IndexOf(walk, method);
            if (onStack >= 0)
            {
                walk.Lowest = System.Math.Min(walk.Lowest, onStack);
                return WrapperEffect.None;
            }

            if (walk.Stack.Count >= MaxDepth)
            {
                return WrapperEffect.None;
            }

            int depth = walk.Stack.Count;
            int outerLowest = walk.Lowest;
            walk.Lowest = int.MaxValue;
            walk.Stack.Add(method);
            WrapperEffect effect;
            try
            {
                effect = operation == null ? WrapperEffect.None : EffectOfBody(method, operation);
            }
            finally
            {
                walk.Stack.RemoveAt(depth);
            }

            int lowest = walk.Lowest;
            walk.Lowest = System.Math.Min(outerLowest, lowest);
            if (lowest <= depth)
            {
                // On a cycle of calls: recursion decides nothing about what one call leaves held.
                var cycleRoot = lowest < depth ? walk.Stack[lowest] : null;
                _effects.TryAdd(method, new Entry(WrapperEffect.None, cycleRoot));
                return WrapperEffect.None;
            }

            _effects.TryAdd(method, new Entry(effect, null));
            return effect;
        }

        private static int IndexOf(Walk walk, IMethodSymbol method)
        {
            for (int i = 0; i < walk.Stack.Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(walk.Stack[i], method))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Only what no other assembly can call without our seeing it: a public or protected member must say
        /// what it acquires ([Acquires], [Releases]), and keeps LL0005 until it does. Overridable methods
        /// are out: a call reaches their overrides too.
        /// </summary>
        private bool IsCandidate(IMethodSymbol method)
        {
            if (method.ContainingAssembly is not ISourceAssemblySymbol || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.ExplicitInterfaceImplementation)
                || _index.Annotations.ForMethod(method).DeclaresLockEffects || _index.ContextOf(method) != null)
            {
                return false;
            }

            return Visibility.IsHiddenFromOtherAssemblies(method.MethodKind == MethodKind.ExplicitInterfaceImplementation ? method.ContainingType : method);
        }

        /// <summary>
        /// The operations of the method's body, when the first pass says it may reach a lock and may be a
        /// wrapper (<see cref="WrapperReach"/>); null otherwise. Asked first, without a walk: a method whose
        /// body the first pass rules out is no wrapper at once, and its body is not bound before its own
        /// analysis binds it; the semantic model keeps the operations it binds for the walk that follows.
        /// </summary>
        private IOperation? Bind(IMethodSymbol method)
        {
            var syntax = BodySyntax(method);
            if (syntax == null || _classifier == null || _recorder == null || (_reach != null && (!_reach.MayMatter(syntax) || !_reach.MayBeWrapper(syntax))))
            {
                return null;
            }

            // The driver's semantic models are shared with analyzers (a caching provider), so this binds
            // the callee's body once for both.
#pragma warning disable RS1030 // The callee's body is not the one this callback was given.
            var model = _compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(syntax, CancellationToken.None);
        }

        private WrapperEffect EffectOfBody(IMethodSymbol method, IOperation operation)
        {
            if (_classifier == null || _recorder == null)
            {
                return WrapperEffect.None;
            }

            var root = BodyRoots.RootOf(operation);
            if (method.MethodKind != MethodKind.LocalFunction && _walks.Value!.Stack.Count < MaxDepth)
            {
                // Most callees touch no lock at all: they leave their caller's locks as they were, and one walk
                // of the operations says so without building a control flow graph. Its facts are the body's own
                // (no callee of it was cut off), which its analysis takes instead of walking it again.
                var facts = LockFreeWalk.FactsUnlessTouchingLocks(_classifier, _recorder, root, method, null);
                if (!facts.IsDefault)
                {
                    _lockFreeFacts.TryAdd(root.Syntax, facts);
                    return WrapperEffect.None;
                }
            }
            else if (!LockFreeWalk.TouchesLocks(_classifier, _recorder, root))
            {
                return WrapperEffect.None;
            }

            if (IsIterator(operation.Syntax))
            {
                // An iterator's body runs later, when it is enumerated.
                return WrapperEffect.None;
            }

            var graph = BodyRoots.HasControlFlowGraph(root) ? BodyRoots.GraphOf(root, CancellationToken.None) : null;
            if (graph != null && method.MethodKind == MethodKind.LocalFunction)
            {
                graph = LocalFunctionGraph(graph, method);
            }

            var effect = graph == null
                ? WrapperEffect.None
                : HeldLockFlow.Run(_index, _classifier, _recorder, graph, method, null, CancellationToken.None, inferEffect: true).Effect ?? WrapperEffect.None;

            // A method nobody calls wraps nothing: its own body is where the imbalance shows (LL0005 stays).
            return effect.IsEmpty || CalledNames().Contains(method.Name) ? effect : WrapperEffect.None;
        }

        /// <summary>
        /// The names the compilation calls or passes as method groups, as the first pass read them (with the
        /// first pass off, it is built here for this alone): a wrapper whose name is never called is none
        /// (reading every call's symbol would bind every body, which the first pass exists to avoid).
        /// </summary>
        private HashSet<string> CalledNames()
        {
            if (_calledNames != null)
            {
                return _calledNames;
            }

            // using and await using call these without spelling them.
            var names = new HashSet<string>(System.StringComparer.Ordinal) { "Dispose", "DisposeAsync" };
            names.UnionWith((_reach ?? ReachCache.For(_compilation, CancellationToken.None)).CalledNames);
            return _calledNames = names;
        }

        /// <summary>The declaration with the body (a partial method's implementation).</summary>
        private static SyntaxNode? BodySyntax(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var (body, expression) = syntax switch
                {
                    BaseMethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
                    LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
                    _ => (null, null),
                };

                if (body != null || expression != null)
                {
                    return syntax;
                }
            }

            return null;
        }

        private static bool IsIterator(SyntaxNode syntax)
        {
            foreach (var node in syntax.DescendantNodes(node => node == syntax || node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
            {
                if (node is YieldStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static ControlFlowGraph? LocalFunctionGraph(ControlFlowGraph graph, IMethodSymbol localFunction)
        {
            foreach (var candidate in graph.LocalFunctions)
            {
                var nested = graph.GetLocalFunctionControlFlowGraph(candidate, CancellationToken.None);
                if (SymbolEqualityComparer.Default.Equals(candidate, localFunction))
                {
                    return nested;
                }

                if (LocalFunctionGraph(nested, localFunction) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>One thread's depth-first walk: the methods being computed, and the lowest stack index a cycle reached.</summary>
        private sealed class Walk
        {
            public List<IMethodSymbol> Stack { get; } = new();

            public int Lowest { get; set; } = int.MaxValue;
        }

        private sealed class Entry
        {
            public static readonly Entry NoWrapper = new(WrapperEffect.None, null);

            public Entry(WrapperEffect effect, IMethodSymbol? cycleRoot)
            {
                Effect = effect;
                CycleRoot = cycleRoot;
            }

            public WrapperEffect Effect { get; }

            /// <summary>For a method found on a cycle: the first method of the cycle, computed further up the stack.</summary>
            public IMethodSymbol? CycleRoot { get; }
        }
    }
}
