using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>What the whole-compilation analysis reports, sorted so every run reports the same list.</summary>
    internal sealed class InterproceduralResult
    {
        public InterproceduralResult(ImmutableArray<Diagnostic> callChains, ImmutableArray<Diagnostic> cycles, ImmutableArray<Diagnostic> unannotatedInversions)
        {
            CallChains = callChains;
            Cycles = cycles;
            UnannotatedInversions = unannotatedInversions;
        }

        /// <summary>LL0003.</summary>
        public ImmutableArray<Diagnostic> CallChains { get; }

        /// <summary>LL0004.</summary>
        public ImmutableArray<Diagnostic> Cycles { get; }

        /// <summary>LL0100: cycles made only of inferred lock classes, and one class taken on two objects in both orders.</summary>
        public ImmutableArray<Diagnostic> UnannotatedInversions { get; }
    }

    /// <summary>
    /// Turns every body's record into transitive summaries (callees first, over strongly connected
    /// components) and a lock-dependency graph, then reports calls that reach an outer level while
    /// an inner one is held (LL0003) and cycles in the graph (LL0004).
    /// </summary>
    internal static class InterproceduralAnalysis
    {
        public static InterproceduralResult Run(LockCompilation compilation, IEnumerable<MethodRecord> recorded)
        {
            var records = new List<MethodRecord>(recorded);
            records.Sort(CompareRecords);

            var implementations = Implementations(records);
            var solver = new SummarySolver<IMethodSymbol, Witness>(SymbolEqualityComparer.Default);
            var annotated = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var record in records)
            {
                AddAnnotated(compilation, solver, annotated, record.Method);
                foreach (var acquisition in record.Acquisitions)
                {
                    solver.AddDirect(record.Method, acquisition.Level, acquisition.Shared, new Witness(acquisition.Location, acquisition.Description, acquisition.Claim));
                }

                foreach (var call in record.Calls)
                {
                    foreach (var target in Targets(call.Callee, implementations))
                    {
                        AddAnnotated(compilation, solver, annotated, target);
                        solver.AddCall(record.Method, target, new Witness(call, target));
                    }
                }
            }

            solver.Solve();

            var callChains = new List<Diagnostic>();
            var graph = new LockDependencyGraph<EdgeWitness>();

            // Direct acquisitions first: an edge's witness is then the acquisition itself where one
            // exists, not a longer chain through a call that reaches the same order.
            foreach (var record in records)
            {
                foreach (var acquisition in record.Acquisitions)
                {
                    foreach (var held in acquisition.Held)
                    {
                        graph.AddEdge(held, acquisition.Level, new EdgeWitness(record.Method, acquisition.Location, acquisition.Description));
                    }
                }
            }

            foreach (var record in records)
            {
                foreach (var call in record.Calls)
                {
                    if (call.Held.IsEmpty)
                    {
                        continue;
                    }

                    var reported = new HashSet<string>();
                    var covered = compilation.Annotations.ForMethod(call.Callee);
                    foreach (var target in Targets(call.Callee, implementations))
                    {
                        foreach (var acquisition in solver.SummaryOf(target))
                        {
                            if (call.Held.Contains(acquisition.Level) || covered.AcquiresLevel(acquisition.Level) || covered.MightAcquireLevel(acquisition.Level))
                            {
                                continue;
                            }

                            var chain = Chain(target, acquisition, out var hops);
                            foreach (var held in call.Held)
                            {
                                graph.AddEdge(held, acquisition.Level, new EdgeWitness(record.Method, call.Location, chain));
                            }

                            var inner = InnerHeld(compilation.Order, call.Held, acquisition.Level, compilation.ContextOf(target));
                            if (inner != null && reported.Add(acquisition.Level))
                            {
                                callChains.Add(Diagnostic.Create(Descriptors.CallAcquiresOuterLevel, call.Location, hops, ClaimOf(acquisition),
                                    DisplayName(target), acquisition.Level, inner, chain));
                            }
                        }
                    }
                }
            }

            var cycles = new List<Diagnostic>();
            var unannotated = InstanceInversions(records);
            foreach (var cycle in graph.FindCycles())
            {
                (AllInferred(compilation, cycle) ? unannotated : cycles).Add(CycleDiagnostic(cycle, compilation));
            }

            return new InterproceduralResult(Sorted(callChains), Sorted(cycles), Sorted(unannotated));
        }

        private static bool AllInferred(LockCompilation compilation, IReadOnlyList<LockDependencyGraph<EdgeWitness>.Edge> cycle)
        {
            foreach (var edge in cycle)
            {
                if (!compilation.InferredClasses.ContainsKey(edge.Held))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// lock (a._sync) lock (b._sync) somewhere and lock (b._sync) lock (a._sync) elsewhere: one lock
        /// class, two objects, both orders. Reported once per class and pair of objects.
        /// </summary>
        private static List<Diagnostic> InstanceInversions(List<MethodRecord> records)
        {
            var diagnostics = new List<Diagnostic>();
            var seen = new Dictionary<(string, string, string), (MethodRecord Record, InstancePair Pair)>();
            var reported = new HashSet<(string, string, string)>();
            foreach (var record in records)
            {
                foreach (var pair in record.InstancePairs)
                {
                    var key = (pair.LockClass, pair.First, pair.Second);
                    var reverse = (pair.LockClass, pair.Second, pair.First);
                    if (seen.TryGetValue(reverse, out var earlier))
                    {
                        var unordered = string.CompareOrdinal(pair.First, pair.Second) < 0 ? key : reverse;
                        if (reported.Add(unordered))
                        {
                            var text = $"{pair.LockClass} of {earlier.Pair.First} → {pair.LockClass} of {earlier.Pair.Second} ({MethodLockAnalysis.DisplayName(earlier.Record.Method)})"
                                + $" and {pair.LockClass} of {pair.First} → {pair.LockClass} of {pair.Second} ({MethodLockAnalysis.DisplayName(record.Method)})";
                            diagnostics.Add(Diagnostic.Create(Descriptors.UnannotatedLockOrderInversion, earlier.Pair.Location,
                                ImmutableArray.Create(earlier.Pair.FirstLocation, pair.FirstLocation, pair.Location), text));
                        }
                    }
                    else if (!seen.ContainsKey(key))
                    {
                        seen.Add(key, (record, pair));
                    }
                }
            }

            return diagnostics;
        }

        private static Diagnostic CycleDiagnostic(IReadOnlyList<LockDependencyGraph<EdgeWitness>.Edge> cycle, LockCompilation compilation)
        {
            {
                var text = new StringBuilder(cycle[0].Held);
                var locations = ImmutableArray.CreateBuilder<Location>(cycle.Count);
                foreach (var edge in cycle)
                {
                    text.Append(" → ").Append(edge.Acquired).Append(" (")
                        .Append(MethodLockAnalysis.DisplayName(edge.Witness.Method)).Append(": ").Append(edge.Witness.Chain).Append(')');
                    locations.Add(edge.Witness.Location);
                }

                // Reported at the first edge; every edge's site is an additional location.
                var descriptor = AllInferred(compilation, cycle) ? Descriptors.UnannotatedLockOrderInversion : Descriptors.CircularLockDependency;
                return Diagnostic.Create(descriptor, cycle[0].Witness.Location, locations.ToImmutable(), text.ToString());
            }
        }

        /// <summary>
        /// The first held level the acquisition inverts. Levels a deep-context callee is declared to
        /// run with are skipped: the callee's own analysis (LL0002) already reports the inversion there.
        /// </summary>
        private static string? InnerHeld(LockOrder order, ImmutableArray<string> held, string acquired, DeepContext? calleeContext)
        {
            foreach (var level in held)
            {
                if (order.IsOuter(acquired, level) && (calleeContext == null || !calleeContext.Levels.Contains(level)))
                {
                    return level;
                }
            }

            return null;
        }

        /// <summary>"IssueWrite → SetXattr → SuperBlock.StartWrite (SbWriters)", and each hop's site.</summary>
        private static string Chain(IMethodSymbol target, SummarySolver<IMethodSymbol, Witness>.Acquisition acquisition, out ImmutableArray<Location> sites)
        {
            var text = new StringBuilder(DisplayName(target));
            var locations = ImmutableArray.CreateBuilder<Location>();
            foreach (var step in acquisition.Chain())
            {
                bool namesLevel = step.Site.Description.IndexOf(step.Level, System.StringComparison.Ordinal) >= 0;
                text.Append(" → ").Append(step.Via == null && !namesLevel ? step.Site.Description + " (" + step.Level + ")" : step.Site.Description);
                if (step.Site.Location.IsInSource)
                {
                    locations.Add(step.Site.Location);
                }
            }

            sites = locations.ToImmutable();
            return text.ToString();
        }

        /// <summary>The long-term claim properties of the acquisition at the end of the chain.</summary>
        private static ImmutableDictionary<string, string?> ClaimOf(SummarySolver<IMethodSymbol, Witness>.Acquisition acquisition)
        {
            var last = acquisition;
            while (last.Via != null)
            {
                last = last.Via;
            }

            return last.Site.Claim ?? ImmutableDictionary<string, string?>.Empty;
        }

        private static void AddAnnotated(LockCompilation compilation, SummarySolver<IMethodSymbol, Witness> solver, HashSet<IMethodSymbol> annotated, IMethodSymbol method)
        {
            if (!annotated.Add(method))
            {
                return;
            }

            var annotations = compilation.Annotations.ForMethod(method);
            var location = method.Locations.IsEmpty ? Location.None : method.Locations[0];
            var description = DisplayName(method);
            foreach (var use in annotations.Acquires)
            {
                if (use.Level.Length > 0)
                {
                    solver.AddDirect(method, use.Level, use.Shared, new Witness(location, description));
                }
            }

            foreach (var use in annotations.MightAcquire)
            {
                if (use.Level.Length > 0)
                {
                    solver.AddDirect(method, use.Level, use.Shared, new Witness(location, description));
                }
            }
        }

        /// <summary>
        /// The callee, and for a virtual or interface member declared in this compilation, every
        /// override and implementation recorded here. Members declared in other assemblies
        /// (object.ToString, IDisposable.Dispose) are not expanded: that would join every
        /// implementation in the compilation to every such call.
        /// </summary>
        private static IEnumerable<IMethodSymbol> Targets(IMethodSymbol callee, Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations)
        {
            // A raised event is recorded against its add accessor; the map holds its subscribed handlers.
            if (callee.MethodKind != MethodKind.EventAdd)
            {
                yield return callee;
            }

            if (implementations.TryGetValue(callee, out var list))
            {
                foreach (var implementation in list)
                {
                    yield return implementation;
                }
            }
        }

        private static Dictionary<IMethodSymbol, List<IMethodSymbol>> Implementations(List<MethodRecord> records)
        {
            var map = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var record in records)
            {
                foreach (var (raised, handler) in record.Subscriptions)
                {
                    if (raised.AddMethod != null)
                    {
                        Add(map, raised.AddMethod, handler);
                    }
                }

                var method = record.Method;
                if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction || method.IsStatic)
                {
                    continue;
                }

                for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
                {
                    Add(map, overridden.OriginalDefinition, method);
                }

                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    Add(map, implemented.OriginalDefinition, method);
                }

                var type = method.ContainingType;
                if (type == null || method.MethodKind != MethodKind.Ordinary)
                {
                    continue;
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    if (@interface.ContainingAssembly is not ISourceAssemblySymbol)
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod)?.OriginalDefinition, method))
                        {
                            Add(map, interfaceMethod.OriginalDefinition, method);
                        }
                    }
                }
            }

            return map;
        }

        private static void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> map, IMethodSymbol member, IMethodSymbol implementation)
        {
            if (member.ContainingAssembly is not ISourceAssemblySymbol)
            {
                return;
            }

            if (!map.TryGetValue(member, out var list))
            {
                list = new List<IMethodSymbol>();
                map.Add(member, list);
            }

            foreach (var existing in list)
            {
                if (SymbolEqualityComparer.Default.Equals(existing, implementation))
                {
                    return;
                }
            }

            list.Add(implementation);
        }

        internal static string DisplayName(IMethodSymbol method)
            => method.MethodKind switch
            {
                MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation => method.ContainingType?.Name + "." + method.Name,
                MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove
                    => method.ContainingType?.Name + "." + (method.AssociatedSymbol?.Name ?? method.Name),
                _ => MethodLockAnalysis.DisplayName(method),
            };

        private static int CompareRecords(MethodRecord a, MethodRecord b) => CompareLocations(a.Location, b.Location);

        private static int CompareLocations(Location a, Location b)
        {
            int byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath != 0 ? byPath : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }

        private static ImmutableArray<Diagnostic> Sorted(List<Diagnostic> diagnostics)
        {
            diagnostics.Sort((a, b) =>
            {
                int byLocation = CompareLocations(a.Location, b.Location);
                return byLocation != 0 ? byLocation : string.CompareOrdinal(a.GetMessage(), b.GetMessage());
            });
            return diagnostics.ToImmutableArray();
        }

        /// <summary>Where a summary's level comes from: an acquisition or a call, with its text in chains.</summary>
        /// <summary>
        /// An acquisition (location and text known) or a call to a callee; a call's location and text are
        /// made only if a chain through it is ever shown, since most recorded calls never are.
        /// </summary>
        internal readonly struct Witness
        {
            private readonly Location? _location;
            private readonly string? _description;
            private readonly CallRecord? _call;
            private readonly IMethodSymbol? _callee;

            public Witness(Location location, string description, ImmutableDictionary<string, string?>? claim = null)
            {
                _location = location;
                _description = description;
                _call = null;
                _callee = null;
                Claim = claim;
            }

            public Witness(CallRecord call, IMethodSymbol callee)
            {
                _location = null;
                _description = null;
                _call = call;
                _callee = callee;
                Claim = null;
            }

            /// <summary>For an acquisition in source: whether the long-term claim fix can replace it.</summary>
            public ImmutableDictionary<string, string?>? Claim { get; }

            public Location Location => _location ?? _call!.Location;

            public string Description => _description ?? DisplayName(_callee!);
        }

        private sealed class EdgeWitness
        {
            public EdgeWitness(IMethodSymbol method, Location location, string chain)
            {
                Method = method;
                Location = location;
                Chain = chain;
            }

            public IMethodSymbol Method { get; }

            public Location Location { get; }

            public string Chain { get; }
        }
    }
}
