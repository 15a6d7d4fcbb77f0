using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The levels a method always runs with because every call of it holds them: a method no other
    /// assembly can call but through a subclass (private, internal or protected; a virtual one only in a
    /// protected slot this compilation declares), that implements no interface member, is never turned
    /// into a delegate, and whose every call site in the compilation holds the level (directly, or because
    /// the caller itself always runs with it). Its own acquisition of such a level is re-entry, not a new
    /// dependency — what lockdep, seeing the real held stack, would record.
    /// </summary>
    internal sealed class EntryHeld
    {
        private readonly Dictionary<IMethodSymbol, HashSet<string>?> _held = new(SymbolEqualityComparer.Default);

        /// <param name="all">Every body, initializers included: where methods are turned into delegates.</param>
        public EntryHeld(CompilationIndex index, List<BodyFacts> bodies, IReadOnlyList<BodyFacts> all, CallDispatch dispatch, CancellationToken cancellationToken)
        {
            var escaped = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var target in Escaped(index, all, cancellationToken))
            {
                escaped.Add(target);
                // The delegate of a virtual method runs an override: those are called wherever it goes too.
                escaped.UnionWith(dispatch.OverridesOf(target));
            }

            // Only the sites of methods that can run with their callers' locks are kept.
            var sites = new Dictionary<IMethodSymbol, List<(IMethodSymbol Caller, ImmutableArray<string> Held)>>(SymbolEqualityComparer.Default);
            foreach (var body in bodies)
            {
                var method = body.Method!;
                if (!escaped.Contains(method) && IsOnlyCalledHere(index, method) && !sites.ContainsKey(method))
                {
                    sites.Add(method, new List<(IMethodSymbol, ImmutableArray<string>)>());
                }
            }

            foreach (var body in bodies)
            {
                foreach (var call in body.Calls)
                {
                    foreach (var target in dispatch.Targets(call))
                    {
                        if (sites.TryGetValue(target, out var list))
                        {
                            list.Add((body.Method!, call.Held));
                        }
                    }
                }
            }

            var uncalledHooks = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var pair in sites)
            {
                if (pair.Value.Count > 0)
                {
                    _held[pair.Key] = null;
                }
                else if (pair.Key.IsVirtual || pair.Key.IsOverride)
                {
                    uncalledHooks.Add(pair.Key);
                }
            }

            Solve(sites, uncalledHooks);
        }

        /// <summary>
        /// The methods turned into delegates that may run from anywhere: all of them but those whose every delegate
        /// is made right into a closed field or property (<see cref="ClosedStorages"/>), which runs only where that is
        /// invoked, a call site dispatch knows (NATS's <c>Subscription.BeforeChannelAddCheck = BeforeChannelAddCheck</c>).
        /// </summary>
        private static HashSet<IMethodSymbol> Escaped(CompilationIndex index, IReadOnlyList<BodyFacts> all, CancellationToken cancellationToken)
        {
            var made = new Dictionary<IMethodSymbol, int>(SymbolEqualityComparer.Default);
            var stored = new Dictionary<IMethodSymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
            foreach (var body in all)
            {
                foreach (var target in body.DelegateTargets)
                {
                    made[target] = made.TryGetValue(target, out int count) ? count + 1 : 1;
                }

                foreach (var (target, storage) in body.DelegatesMadeIntoStorage)
                {
                    if (!stored.TryGetValue(target, out var storages))
                    {
                        stored.Add(target, storages = new List<ISymbol>());
                    }

                    storages.Add(storage);
                }
            }

            var escaped = new HashSet<IMethodSymbol>(made.Keys, SymbolEqualityComparer.Default);
            var candidates = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var pair in stored)
            {
                if (pair.Value.Count == made[pair.Key] && (IsOnlyCalledHere(index, pair.Key) || pair.Key.IsVirtual || pair.Key.IsAbstract || pair.Key.IsOverride))
                {
                    candidates.UnionWith(pair.Value);
                }
            }

            if (candidates.Count == 0)
            {
                return escaped;
            }

            var closed = ClosedStorages.Of(index.Compilation, candidates, cancellationToken);
            foreach (var pair in stored)
            {
                if (pair.Value.Count == made[pair.Key] && pair.Value.TrueForAll(closed.Contains))
                {
                    escaped.Remove(pair.Key);
                }
            }

            return escaped;
        }

        /// <summary>Whether <paramref name="method"/> always runs with <paramref name="level"/> held by its callers.</summary>
        public bool Holds(IMethodSymbol method, string level)
            => _held.TryGetValue(method, out var held) && held != null && held.Contains(level);

        /// <summary>
        /// Greatest fixed point: a method's set starts as everything (null) and shrinks to what every call site holds.
        /// A call from a virtual hook that nothing in the compilation calls (an override of a slot no code here
        /// calls, such as log4net's bulk <c>Append(LoggingEvent[])</c>) says nothing: that body runs only if a
        /// subclass elsewhere calls the hook itself.
        /// </summary>
        private void Solve(Dictionary<IMethodSymbol, List<(IMethodSymbol Caller, ImmutableArray<string> Held)>> sites, HashSet<IMethodSymbol> uncalledHooks)
        {
            var methods = new List<IMethodSymbol>(_held.Keys);
            var dropped = new List<string>();
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var method in methods)
                {
                    HashSet<string>? held = null;
                    foreach (var (caller, callHeld) in sites[method])
                    {
                        if ((_held.TryGetValue(caller, out var callerHeld) && callerHeld == null) || uncalledHooks.Contains(caller))
                        {
                            // The caller is still unconstrained: it says nothing yet.
                            continue;
                        }

                        if (held == null)
                        {
                            held = new HashSet<string>(callHeld, System.StringComparer.Ordinal);
                            if (callerHeld != null)
                            {
                                held.UnionWith(callerHeld);
                            }

                            continue;
                        }

                        dropped.Clear();
                        foreach (var level in held)
                        {
                            if (!callHeld.Contains(level) && (callerHeld == null || !callerHeld.Contains(level)))
                            {
                                dropped.Add(level);
                            }
                        }

                        foreach (var level in dropped)
                        {
                            held.Remove(level);
                        }
                    }

                    if (held == null)
                    {
                        continue;
                    }

                    var previous = _held[method];
                    if (previous == null || previous.Count != held.Count)
                    {
                        _held[method] = held;
                        changed = true;
                    }
                }
            }
        }

        private static bool IsOnlyCalledHere(CompilationIndex index, IMethodSymbol method)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.PropertyGet or MethodKind.PropertySet)
                || ImplementsAnInterfaceMember(index, method))
            {
                return false;
            }

            if (method.IsVirtual || method.IsAbstract || method.IsOverride)
            {
                return IsProtectedHook(method);
            }

            return Visibility.IsHiddenFromOtherAssemblies(method, butSubclasses: true);
        }

        private static bool ImplementsAnInterfaceMember(CompilationIndex index, IMethodSymbol method)
        {
            foreach (var member in index.ImplementedMembers(method))
            {
                if (member.ContainingType.TypeKind == TypeKind.Interface)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A virtual member that only subclasses can call from outside, in a slot this compilation declares:
        /// every override on the way up is protected (or less) and in source. Such a hook is called as its
        /// class calls it (a template method holding its lock around <c>Append</c>); a slot declared in
        /// another assembly (<c>Stream.Dispose(bool)</c>) is called by that assembly's code too.
        /// </summary>
        private static bool IsProtectedHook(IMethodSymbol method)
        {
            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                if (current.ContainingAssembly is not ISourceAssemblySymbol
                    || current.DeclaredAccessibility is not (Accessibility.Protected or Accessibility.ProtectedAndInternal or Accessibility.ProtectedOrInternal
                        or Accessibility.Private or Accessibility.Internal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
