using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// Which bodies a recorded call can reach: the callee, and for a virtual or interface member
    /// declared in this compilation, every override and implementation with a body here; for a
    /// raised event (recorded against its add accessor), every handler subscribed to it.
    /// </summary>
    internal sealed class CallDispatch
    {
        private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

        public CallDispatch(CompilationIndex index, List<BodyFacts> bodies)
        {
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
        /// The callee and what it dispatches to. Members declared in other assemblies (object.ToString,
        /// IDisposable.Dispose) are not expanded: that would join every implementation in the
        /// compilation to every such call.
        /// </summary>
        public IEnumerable<IMethodSymbol> Targets(IMethodSymbol callee)
        {
            if (callee.MethodKind != MethodKind.EventAdd)
            {
                yield return callee;
            }

            if (_implementations.TryGetValue(callee, out var list))
            {
                foreach (var implementation in list)
                {
                    yield return implementation;
                }
            }
        }

        private void Add(IMethodSymbol member, IMethodSymbol implementation)
        {
            if (member.ContainingAssembly is not ISourceAssemblySymbol)
            {
                return;
            }

            if (!_implementations.TryGetValue(member, out var list))
            {
                list = new List<IMethodSymbol>();
                _implementations.Add(member, list);
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
    }
}
