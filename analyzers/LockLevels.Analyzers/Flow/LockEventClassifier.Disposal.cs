using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>What disposing a value releases: the concrete Dispose behind a using, scopes a call returns.</summary>
    internal sealed partial class LockEventClassifier
    {
        /// <summary>
        /// Disposing a value of <paramref name="type"/> (a using of it) releases something: its Dispose is
        /// [Releases] or an inferred releasing wrapper.
        /// </summary>
        public bool DisposalAffectsLocks(ITypeSymbol? type)
            => ConcreteDisposal(type, null) is { } dispose && (_compilation.Annotations.ForMethod(dispose).DeclaresLockEffects || !EffectOf(dispose).IsEmpty);

        /// <summary>The levels disposing a value of <paramref name="type"/> releases through its own Dispose ([Releases], or an inferred wrapper).</summary>
        public void DisposalReleases(ITypeSymbol? type, List<string> levels)
        {
            if (ConcreteDisposal(type, null) is not { } dispose)
            {
                return;
            }

            foreach (var use in _compilation.Annotations.ForMethod(dispose).Releases)
            {
                levels.Add(use.Level);
            }

            foreach (var released in EffectOf(dispose).Releases)
            {
                levels.Add(released.Level);
            }
        }

        /// <summary>
        /// The Dispose (or DisposeAsync) that a call of the interface's member on a value of <paramref name="type"/>
        /// runs: a using statement calls IDisposable.Dispose, but what it releases is said on the type's own.
        /// </summary>
        private IMethodSymbol? ConcreteDisposal(ITypeSymbol? type, IMethodSymbol? interfaceMethod)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named)
            {
                return null;
            }

            if (named.IsRefLikeType)
            {
                // ref structs (Lock.Scope) dispose by pattern.
                return FirstDispose(named);
            }

            interfaceMethod ??= FirstDispose(_symbols.IDisposable);
            if (interfaceMethod == null)
            {
                return null;
            }

            return named.FindImplementationForInterfaceMember(interfaceMethod) as IMethodSymbol;
        }

        private static IMethodSymbol? FirstDispose(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers("Dispose"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0 } dispose)
                {
                    return dispose;
                }
            }

            return null;
        }

        /// <summary>True when the call returns a scope whose disposal releases what the call acquired.</summary>
        public bool ReturnsScope(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (_symbols.IsLockingType(method.ContainingType))
            {
                // Of the framework's locking calls only Lock.EnterScope returns a scope; the Task of
                // SemaphoreSlim.WaitAsync is IDisposable too, but disposing it releases nothing.
                return method.Name == "EnterScope";
            }

            var returnType = method.ReturnType;
            if (returnType.SpecialType == SpecialType.System_Void)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(returnType, _symbols.IDisposable))
            {
                return true;
            }

            foreach (var @interface in returnType.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, _symbols.IDisposable))
                {
                    return true;
                }
            }

            // ref structs such as Lock.Scope dispose by pattern.
            return returnType.IsRefLikeType && returnType.GetMembers("Dispose").Length > 0;
        }

        private void ClassifyDisposal(IInvocationOperation disposal, ValueResolver resolver, List<LockEvent> events)
        {
            if (resolver.Resolve(disposal.Instance!) is not IInvocationOperation acquisition || !ReturnsScope(acquisition))
            {
                return;
            }

            var acquired = new List<LockEvent>();
            Classify(acquisition, resolver, acquired);
            var location = disposal.IsImplicit ? acquired.Count > 0 ? acquired[0].Location : disposal.Syntax.GetLocation() : disposal.Syntax.GetLocation();
            foreach (var @event in acquired)
            {
                // As for an [Acquires] method, what an inferred wrapper returning an IDisposable holds ends with its disposal.
                if (@event.Kind == LockEventKind.Acquire)
                {
                    events.Add(new LockEvent(LockEventKind.Release, @event.Level, false, disposal, location, @event.Description, isDisposal: true, lockObject: @event.Object));
                }
            }
        }
    }
}
