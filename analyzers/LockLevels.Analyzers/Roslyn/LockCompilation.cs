using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// Everything LockLevels knows about one compilation, built once and shared by every rule:
    /// resolved symbols, the declared lock order, annotation caches and per-method results.
    /// </summary>
    internal sealed class LockCompilation
    {
        /// <summary>The .editorconfig / .globalconfig key that turns lock-class inference for unannotated locks on or off.</summary>
        public const string InferUnannotatedOption = "locklevels.infer_unannotated";

        private static readonly ConditionalWeakTable<Compilation, LockCompilation> Inferring = new();
        private static readonly ConditionalWeakTable<Compilation, LockCompilation> NotInferring = new();

        private readonly ConcurrentDictionary<IMethodSymbol, DeepContext?> _contexts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, Lazy<MethodLockFacts>> _facts = new();
        private readonly ConcurrentQueue<MethodRecord> _records = new();
        private readonly ConcurrentDictionary<IMethodSymbol, CalleeFacts> _callees = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, IFieldSymbol?> _backingFields = new(SymbolEqualityComparer.Default);
        private readonly Lazy<InterproceduralResult> _interprocedural;

        private LockCompilation(Compilation compilation, bool inferUnannotated)
        {
            Compilation = compilation;
            InferUnannotated = inferUnannotated;
            Symbols = LockSymbols.Create(compilation);
            Annotations = new AnnotationReader(Symbols);
            Hierarchies = ReadHierarchies(compilation, Symbols);
            var chains = new List<IReadOnlyList<string>>(Hierarchies.Length);
            foreach (var hierarchy in Hierarchies)
            {
                chains.Add(hierarchy.Levels);
            }

            Order = LockOrder.Build(chains);
            _interprocedural = new Lazy<InterproceduralResult>(() => InterproceduralAnalysis.Run(this, _records), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public Compilation Compilation { get; }

        public LockSymbols Symbols { get; }

        public AnnotationReader Annotations { get; }

        /// <summary>Every declared chain: referenced assemblies' first, then this compilation's in source order.</summary>
        public ImmutableArray<DeclaredHierarchy> Hierarchies { get; }

        public LockOrder Order { get; }

        /// <summary>Whether unannotated lock fields, properties, this and typeof(T) become lock classes (issue: LL0100).</summary>
        public bool InferUnannotated { get; }

        /// <summary>Names of the lock classes inferred so far; the graph's other nodes are declared levels.</summary>
        public ConcurrentDictionary<string, byte> InferredClasses { get; } = new(StringComparer.Ordinal);

        /// <summary>The shared state of a compilation for the options it is analysed with.</summary>
        public static LockCompilation For(Compilation compilation, AnalyzerOptions options)
        {
            bool infer = ReadInferOption(compilation, options);
            return (infer ? Inferring : NotInferring).GetValue(compilation, c => new LockCompilation(c, infer));
        }

        /// <summary>
        /// A compilation-wide setting: from .globalconfig (or an is_global .editorconfig), else from the
        /// .editorconfig that applies to the compilation's first file; on unless set to false.
        /// </summary>
        private static bool ReadInferOption(Compilation compilation, AnalyzerOptions options)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (!provider.GlobalOptions.TryGetValue(InferUnannotatedOption, out var value))
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    provider.GetOptions(tree).TryGetValue(InferUnannotatedOption, out value);
                    break;
                }
            }

            return !string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The lock facts of one body, computed once however many rules ask. Its records join the
        /// whole-compilation index before any rule can see the facts, so a compilation-end action,
        /// which runs after its own rule has seen every body, always finds the index complete.
        /// </summary>
        public MethodLockFacts FactsFor(IOperation body, ISymbol owner, Func<IOperation, ControlFlowGraph?> getGraph, CancellationToken cancellationToken)
        {
            // Every rule asks for every body: the common case is a finished result, found without allocating.
            if (_facts.TryGetValue(body.Syntax, out var done) && done.IsValueCreated)
            {
                return done.Value;
            }

            while (true)
            {
                var lazy = _facts.GetOrAdd(body.Syntax, _ => new Lazy<MethodLockFacts>(() =>
                {
                    var facts = MethodLockAnalysis.Analyze(this, body, owner, getGraph, cancellationToken);
                    foreach (var record in facts.Records)
                    {
                        _records.Enqueue(record);
                    }

                    return facts;
                }, LazyThreadSafetyMode.ExecutionAndPublication));

                try
                {
                    return lazy.Value;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Another rule's analysis of this body was cancelled, not ours: forget it and compute again.
                    Forget(body.Syntax, lazy);
                }
                catch (OperationCanceledException)
                {
                    Forget(body.Syntax, lazy);
                    throw;
                }
            }
        }

        private void Forget(SyntaxNode key, Lazy<MethodLockFacts> lazy)
            => ((ICollection<KeyValuePair<SyntaxNode, Lazy<MethodLockFacts>>>)_facts).Remove(new KeyValuePair<SyntaxNode, Lazy<MethodLockFacts>>(key, lazy));

        /// <summary>Summaries, call-chain findings and dependency cycles; call only from compilation-end actions.</summary>
        public InterproceduralResult Interprocedural => _interprocedural.Value;

        /// <summary>A call worth keeping for summaries: into source, or into an annotated method.</summary>
        public bool IsWorthRecording(IMethodSymbol target) => CalleeOf(target).WorthRecording;

        /// <summary>
        /// The field a property only hands out (<c>object SyncRoot => _sync;</c>, <c>get { return this._sync; }</c>),
        /// read from its syntax: locking the property locks that field, so both are one lock.
        /// </summary>
        public IFieldSymbol? BackingFieldOf(IPropertySymbol property)
        {
            property = property.OriginalDefinition;
            if (_backingFields.TryGetValue(property, out var cached))
            {
                return cached;
            }

            IFieldSymbol? field = null;
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is PropertyDeclarationSyntax declaration
                    && ReturnedName(declaration) is { } name
                    && property.ContainingType.GetMembers(name) is { Length: 1 } members
                    && members[0] is IFieldSymbol candidate
                    && candidate.IsStatic == property.IsStatic)
                {
                    field = candidate;
                }
            }

            return _backingFields.GetOrAdd(property, field);
        }

        private static string? ReturnedName(PropertyDeclarationSyntax declaration)
        {
            var expression = declaration.ExpressionBody?.Expression;
            if (expression == null && declaration.AccessorList != null)
            {
                foreach (var accessor in declaration.AccessorList.Accessors)
                {
                    if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                    {
                        expression = accessor.ExpressionBody?.Expression
                            ?? (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax returned ? returned.Expression : null);
                    }
                }
            }

            return expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
                _ => null,
            };
        }

        /// <summary>
        /// What every walk asks of a called method, answered once per method for the compilation: a
        /// body makes many calls, mostly to the same few framework methods.
        /// </summary>
        public CalleeFacts CalleeOf(IMethodSymbol method)
        {
            if (_callees.TryGetValue(method, out var facts))
            {
                return facts;
            }

            var annotated = !Annotations.ForMethod(method).IsEmpty;
            facts = new CalleeFacts(
                mayAffectLocks: annotated || Symbols.IsLockingType(method.ContainingType) || ContextOf(method) != null,
                worthRecording: annotated || method.ContainingAssembly is ISourceAssemblySymbol);
            return _callees.GetOrAdd(method, facts);
        }

        public DeepContext? ContextOf(IMethodSymbol method)
        {
            if (Symbols.CalledWithLocksHeld == null)
            {
                return null;
            }

            method = AnnotationReader.Normalize(method);
            if (!Annotations.MayHaveAnnotations(method.ContainingAssembly))
            {
                return null;
            }

            if (_contexts.TryGetValue(method, out var cached))
            {
                return cached;
            }

            return _contexts.GetOrAdd(method, FindContext(method));
        }

        private DeepContext? FindContext(IMethodSymbol method)
        {
            var own = OwnContext(method);
            if (own != null)
            {
                return own;
            }

            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                var inherited = OwnContext(overridden.OriginalDefinition);
                if (inherited != null)
                {
                    return inherited;
                }
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                var inherited = OwnContext(implemented.OriginalDefinition);
                if (inherited != null)
                {
                    return inherited;
                }
            }

            var type = method.ContainingType;
            if (type == null || method.MethodKind != MethodKind.Ordinary || method.IsStatic)
            {
                return null;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && OwnContext(interfaceMethod.OriginalDefinition) is { } inherited
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                    {
                        return inherited;
                    }
                }
            }

            return null;
        }

        private DeepContext? OwnContext(IMethodSymbol method)
        {
            var uses = Annotations.ForMethod(method).CalledWithLocksHeld;
            if (uses.IsEmpty)
            {
                return null;
            }

            var levels = ImmutableArray.CreateBuilder<string>(uses.Length);
            foreach (var use in uses)
            {
                if (use.Level.Length > 0 && !levels.Contains(use.Level))
                {
                    levels.Add(use.Level);
                }
            }

            return new DeepContext(method, levels.ToImmutable());
        }

        private static ImmutableArray<DeclaredHierarchy> ReadHierarchies(Compilation compilation, LockSymbols symbols)
        {
            var result = ImmutableArray.CreateBuilder<DeclaredHierarchy>();
            if (symbols.LockHierarchy == null)
            {
                return result.ToImmutable();
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (AnnotationReader.ReferencesAnnotations(assembly))
                {
                    AddHierarchies(result, assembly, symbols);
                }
            }

            AddHierarchies(result, compilation.Assembly, symbols);
            return result.ToImmutable();
        }

        private static void AddHierarchies(ImmutableArray<DeclaredHierarchy>.Builder result, IAssemblySymbol assembly, LockSymbols symbols)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.LockHierarchy))
                {
                    var uses = AnnotationReader.Levels(attribute, false, null);
                    var levels = new List<string>(uses.Count);
                    foreach (var use in uses)
                    {
                        levels.Add(use.Level);
                    }

                    result.Add(new DeclaredHierarchy(attribute, levels));
                }
            }
        }
    }

    /// <summary>One [assembly: LockHierarchy(...)] and the levels it lists.</summary>
    internal sealed class DeclaredHierarchy
    {
        public DeclaredHierarchy(AttributeData attribute, IReadOnlyList<string> levels)
        {
            Attribute = attribute;
            Levels = levels;
        }

        public AttributeData Attribute { get; }

        public IReadOnlyList<string> Levels { get; }
    }

    /// <summary>What a walk needs to know of a method it sees called.</summary>
    internal sealed class CalleeFacts
    {
        public CalleeFacts(bool mayAffectLocks, bool worthRecording)
        {
            MayAffectLocks = mayAffectLocks;
            WorthRecording = worthRecording;
        }

        /// <summary>Annotated, a framework locking API, or a deep context: a body calling it needs the flow analysis.</summary>
        public bool MayAffectLocks { get; }

        /// <summary>Into source or annotated: the call can carry levels into summaries.</summary>
        public bool WorthRecording { get; }
    }
}
