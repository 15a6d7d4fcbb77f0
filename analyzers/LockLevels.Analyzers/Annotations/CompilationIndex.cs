using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// What LockLevels knows of a compilation before it reads any body: the resolved symbols, the
    /// annotations, the declared order, the options and the inheritance index. Built once per
    /// compilation and options, shared by every analyzer; it holds only facts about declarations
    /// (memoized, never changed), never anything learned from bodies.
    /// </summary>
    internal sealed class CompilationIndex
    {
        /// <summary>The .editorconfig / .globalconfig key that turns lock-class inference for unannotated locks on or off.</summary>
        public const string InferUnannotatedOption = "locklevels.infer_unannotated";

        /// <summary>The key that bounds how many calls a chain to an inferred lock class may have (LL0100).</summary>
        public const string MaxChainLengthOption = "locklevels.max_chain_length";

        /// <summary>
        /// The default bound, chosen on the projects of docs/evaluation.md: with shortest chains, no edge of
        /// any report there (true or false) has more than 6 calls, the true ones at most 5; 8 keeps them all
        /// with room, and cuts the summaries of deep call graphs.
        /// </summary>
        public const int DefaultMaxChainLength = 8;

        private static readonly ConditionalWeakTable<Compilation, CompilationIndex> Inferring = new();
        private static readonly ConditionalWeakTable<Compilation, CompilationIndex> NotInferring = new();

        private readonly ConcurrentDictionary<IMethodSymbol, DeepContext?> _contexts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implemented = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, CalleeFacts> _callees = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IPropertySymbol, IFieldSymbol?> _backingFields = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IFieldSymbol, int?> _initialCounts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _letsOutThis = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _createdByItsObject = new(SymbolEqualityComparer.Default);

        private readonly Compilation _compilation;

        /// <summary>The compilation this index reads.</summary>
        public Compilation Compilation => _compilation;

        private CompilationIndex(Compilation compilation, bool inferUnannotated)
        {
            _compilation = compilation;
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
            Reentry = new ReentryDeclarations(compilation, Symbols);
            NotHeld = new NotHeldDeclarations(compilation, Symbols);
            Owners = new OwnerLinks(compilation);
        }

        public LockSymbols Symbols { get; }

        /// <summary>Helpers that point back at the object that made them.</summary>
        public OwnerLinks Owners { get; }

        public AnnotationReader Annotations { get; }

        /// <summary>Every declared chain: referenced assemblies' first, then this compilation's in source order.</summary>
        public ImmutableArray<DeclaredHierarchy> Hierarchies { get; }

        public LockOrder Order { get; }

        /// <summary>What LL0009 and LL0010 need to know of declarations: recursive levels, declared nestings, how lock fields are created.</summary>
        public ReentryDeclarations Reentry { get; }

        /// <summary>What LL0011 needs to know of [assembly: AcquiredWithLocksNotHeld] declarations.</summary>
        public NotHeldDeclarations NotHeld { get; }

        /// <summary>Whether unannotated lock fields, properties, this and typeof(T) become lock classes (LL0100).</summary>
        public bool InferUnannotated { get; }

        /// <summary>The index of a compilation for the options it is analysed with.</summary>
        public static CompilationIndex For(Compilation compilation, AnalyzerOptions options)
        {
            bool infer = ReadInferUnannotated(compilation, options);
            return (infer ? Inferring : NotInferring).GetValue(compilation, c => new CompilationIndex(c, infer));
        }

        /// <summary><see cref="InferUnannotatedOption"/>: on unless set to <c>false</c>.</summary>
        public static bool ReadInferUnannotated(Compilation compilation, AnalyzerOptions options)
            => !string.Equals(ReadOption(compilation, options, InferUnannotatedOption), "false", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// <see cref="MaxChainLengthOption"/>: a positive number of calls, or <c>unbounded</c>; any other
        /// value (or none) gives <see cref="DefaultMaxChainLength"/>.
        /// </summary>
        public static int ReadMaxChainLength(Compilation compilation, AnalyzerOptions options)
        {
            var value = ReadOption(compilation, options, MaxChainLengthOption);
            if (string.Equals(value, "unbounded", StringComparison.OrdinalIgnoreCase))
            {
                return int.MaxValue;
            }

            return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int calls) && calls > 0
                ? calls
                : DefaultMaxChainLength;
        }

        /// <summary>
        /// A compilation-wide setting, trimmed: from .globalconfig (or an is_global .editorconfig), else from
        /// the .editorconfig that applies to the compilation's first file; null when unset.
        /// </summary>
        private static string? ReadOption(Compilation compilation, AnalyzerOptions options, string key)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if (!provider.GlobalOptions.TryGetValue(key, out var value))
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    provider.GetOptions(tree).TryGetValue(key, out value);
                    break;
                }
            }

            return value?.Trim();
        }

        /// <summary>
        /// What every walk asks of a called method, answered once per method for the compilation: a
        /// body makes many calls, mostly to the same few framework methods.
        /// </summary>
        public CalleeFacts CalleeOf(IMethodSymbol method)
        {
            if (Annotations.NoMethodAttributes)
            {
                // Without method annotations the facts are two symbol comparisons: cheaper than a shared cache's miss.
                return CalleeFacts.Of(mayAffectLocks: Symbols.IsLockingType(method.ContainingType), worthRecording: method.ContainingAssembly is ISourceAssemblySymbol);
            }

            if (_callees.TryGetValue(method, out var facts))
            {
                return facts;
            }

            var annotated = !Annotations.ForMethod(method).IsEmpty;
            facts = CalleeFacts.Of(
                mayAffectLocks: annotated || Symbols.IsLockingType(method.ContainingType) || ContextOf(method) != null,
                worthRecording: annotated || method.ContainingAssembly is ISourceAssemblySymbol);
            return _callees.GetOrAdd(method, facts);
        }

        /// <summary>The initial count a semaphore field is always created with, when its source says so; else null.</summary>
        public int? InitialCountOf(IFieldSymbol field)
            => _initialCounts.GetOrAdd(field.OriginalDefinition, CreationArguments.FirstIntegerArgument);

        /// <summary>Whether constructing <paramref name="type"/> may hand the new object to others (<see cref="ThisEscape"/>).</summary>
        public bool LetsOutThis(INamedTypeSymbol type) => _letsOutThis.GetOrAdd(type.OriginalDefinition, t => ThisEscape.LetsOutThis(t, _compilation));

        /// <summary>A field or auto-property that only ever holds objects its own object creates (<see cref="ThisEscape.IsCreatedByItsObject"/>).</summary>
        public bool IsCreatedByItsObject(ISymbol member) => _createdByItsObject.GetOrAdd(member.OriginalDefinition, ThisEscape.IsCreatedByItsObject);

        /// <summary>A call worth keeping for summaries: into source, or into an annotated method.</summary>
        public bool IsWorthRecording(IMethodSymbol target) => CalleeOf(target).WorthRecording;

        /// <summary>
        /// The inheritance index: the members <paramref name="method"/> overrides (nearest first), then
        /// those it implements explicitly, then the interface members it implements implicitly. Deep
        /// contexts are inherited up these links, and calls are dispatched down them.
        /// </summary>
        public ImmutableArray<IMethodSymbol> ImplementedMembers(IMethodSymbol method)
        {
            if (_implemented.TryGetValue(method, out var cached))
            {
                return cached;
            }

            var members = ImmutableArray.CreateBuilder<IMethodSymbol>();
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                members.Add(overridden.OriginalDefinition);
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                members.Add(implemented.OriginalDefinition);
            }

            var type = method.ContainingType;
            // A property accessor implements the interface's accessor as a method implements a method: its
            // [CalledWithLocksHeld] (on the accessor or the property) is inherited, and calls dispatch to it.
            if (type != null && (method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet) && !method.IsStatic)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                        {
                            members.Add(interfaceMethod.OriginalDefinition);
                        }
                    }
                }
            }

            return _implemented.GetOrAdd(method, members.ToImmutable());
        }

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
        /// The levels a method runs with because it is, overrides or implements a [CalledWithLocksHeld]
        /// member: its own annotation first, then the first member up the inheritance index that has one.
        /// </summary>
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

            foreach (var member in ImplementedMembers(method))
            {
                if (OwnContext(member) is { } inherited)
                {
                    return inherited;
                }
            }

            return null;
        }

        private DeepContext? OwnContext(IMethodSymbol method)
        {
            var uses = Annotations.ForMethod(method).CalledWithLocksHeld;

            // What the runtime runs (a finalizer, a static constructor) or a delegate invokes (a lambda)
            // has no call site to hold the levels or to check: LL0909 says so at the attribute.
            if (uses.IsEmpty || method.MethodKind is MethodKind.Destructor or MethodKind.StaticConstructor or MethodKind.AnonymousFunction)
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
}
