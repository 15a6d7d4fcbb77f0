using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// Which bodies a recorded call can reach. A non-virtual call (a static or non-virtual member, a
    /// member of a struct, a call through <c>base</c>, a constructor) reaches its callee alone. A virtual
    /// or interface call reaches the callee and the overrides and implementations declared in this
    /// compilation that can run for its receiver: the one the receiver's static type inherits and those
    /// of types derived from it, in types that can exist (<see cref="LiveTypes"/>). A raised event
    /// (recorded against its add accessor) reaches every handler subscribed to it.
    /// </summary>
    internal sealed class CallDispatch
    {
        private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IMethodSymbol>> _stored = new(SymbolEqualityComparer.Default);
        private readonly LiveTypes _live;

        /// <param name="bodies">Method bodies, whose overrides and subscriptions dispatch calls.</param>
        /// <param name="all">Every body, initializers included, whose delegate stores dispatch delegate invocations.</param>
        public CallDispatch(CompilationIndex index, List<BodyFacts> bodies, IReadOnlyList<BodyFacts> all, LiveTypes live)
        {
            _live = live;
            AddStores(all);
            foreach (var body in bodies)
            {
                foreach (var (raised, handler) in body.Subscriptions)
                {
                    if (raised.AddMethod != null)
                    {
                        Add(raised.AddMethod, handler);
                    }
                }

                var method = body.Method!;
                if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction || method.IsStatic)
                {
                    continue;
                }

                foreach (var member in index.ImplementedMembers(method))
                {
                    Add(member, method);
                }
            }
        }

        /// <summary>
        /// The bodies the call can reach. Members declared in other assemblies (object.ToString,
        /// IDisposable.Dispose) are not expanded: that would join every implementation in the
        /// compilation to every such call.
        /// </summary>
        public IEnumerable<IMethodSymbol> Targets(Call call)
        {
            var callee = call.Callee;
            if (call.DelegateSource != null)
            {
                if (_stored.TryGetValue(call.DelegateSource, out var stored))
                {
                    foreach (var target in stored)
                    {
                        yield return target;
                        // A delegate made from a virtual method runs the override of the object it was made on.
                        foreach (var implementation in OverridesOf(target))
                        {
                            if (CanRun(implementation, receiver: null, inherited: null))
                            {
                                yield return implementation;
                            }
                        }
                    }
                }

                yield break;
            }

            if (call.IsExact)
            {
                yield return callee;
                yield break;
            }

            var receiver = call.Receiver as INamedTypeSymbol;
            var inherited = receiver == null ? null : InheritedImplementation(receiver.OriginalDefinition, callee);
            if (callee.MethodKind != MethodKind.EventAdd && CanRun(callee, receiver, inherited))
            {
                yield return callee;
            }

            if (_implementations.TryGetValue(callee, out var list))
            {
                foreach (var implementation in list)
                {
                    // A handler runs once it is subscribed, whatever its type: the subscription was seen.
                    if (callee.MethodKind == MethodKind.EventAdd || CanRun(implementation, receiver, inherited))
                    {
                        yield return implementation;
                    }
                }
            }
        }

        /// <summary>The overrides of a virtual method in the bodies analysed (none for another kind of method).</summary>
        public IReadOnlyList<IMethodSymbol> OverridesOf(IMethodSymbol method)
            => (method.IsVirtual || method.IsAbstract || method.IsOverride) && _implementations.TryGetValue(method, out var list) ? list : System.Array.Empty<IMethodSymbol>();

        /// <summary>What each field or property holds: delegates stored in it, and the arguments of parameters stored in it.</summary>
        private void AddStores(IReadOnlyList<BodyFacts> all)
        {
            var arguments = new Dictionary<IParameterSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var body in all)
            {
                foreach (var (parameter, target) in body.DelegateArguments)
                {
                    if (!arguments.TryGetValue(parameter, out var list))
                    {
                        arguments.Add(parameter, list = new List<IMethodSymbol>());
                    }

                    list.Add(target);
                }
            }

            foreach (var body in all)
            {
                foreach (var (storage, target) in body.DelegateStores)
                {
                    AddTo(_stored, storage, target);
                }

                foreach (var (parameter, storage) in body.ParameterStores)
                {
                    if (arguments.TryGetValue(parameter, out var targets))
                    {
                        foreach (var target in targets)
                        {
                            AddTo(_stored, storage, target);
                        }
                    }
                }
            }
        }

        private static void AddTo<TKey>(Dictionary<TKey, List<IMethodSymbol>> map, TKey key, IMethodSymbol method)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map.Add(key, list = new List<IMethodSymbol>());
            }

            foreach (var existing in list)
            {
                if (SymbolEqualityComparer.Default.Equals(existing, method))
                {
                    return;
                }
            }

            list.Add(method);
        }

        /// <summary>
        /// Whether <paramref name="method"/> can run for a receiver of static type <paramref name="receiver"/>:
        /// it is what that type inherits, or it is declared in that type or one derived from it; and some
        /// object of its type can exist.
        /// </summary>
        private bool CanRun(IMethodSymbol method, INamedTypeSymbol? receiver, IMethodSymbol? inherited)
        {
            var type = method.ContainingType?.OriginalDefinition;
            if (type == null || method.IsStatic || method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction or MethodKind.EventAdd)
            {
                return true;
            }

            if (!_live.CanExist(type))
            {
                return false;
            }

            return receiver == null
                || SymbolEqualityComparer.Default.Equals(method, inherited)
                || LiveTypes.IsOrDerivesFrom(type, receiver.OriginalDefinition);
        }

        /// <summary>The implementation of <paramref name="callee"/> that objects of exactly <paramref name="type"/> run.</summary>
        private static IMethodSymbol? InheritedImplementation(INamedTypeSymbol type, IMethodSymbol callee)
        {
            if (callee.ContainingType?.TypeKind == TypeKind.Interface)
            {
                return type.TypeKind == TypeKind.Interface || type.FindImplementationForInterfaceMember(callee) is not IMethodSymbol implementation
                    ? null
                    : AnnotationReader.Normalize(implementation);
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(callee.Name))
                {
                    if (member is IMethodSymbol method && Overrides(AnnotationReader.Normalize(method), callee))
                    {
                        return AnnotationReader.Normalize(method);
                    }
                }
            }

            return null;
        }

        private static bool Overrides(IMethodSymbol method, IMethodSymbol callee)
        {
            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(AnnotationReader.Normalize(current), callee))
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(IMethodSymbol member, IMethodSymbol implementation)
        {
            if (member.ContainingAssembly is ISourceAssemblySymbol)
            {
                AddTo(_implementations, member, implementation);
            }
        }
    }
}
