using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Translates calls into lock events: annotated methods and the framework's locking APIs on [Lock] members.</summary>
    internal sealed partial class LockEventClassifier
    {
        private readonly CompilationIndex _compilation;
        private readonly LockSymbols _symbols;
        private readonly WrapperEffects? _wrappers;

        public LockEventClassifier(CompilationIndex compilation, WrapperEffects? wrappers = null)
        {
            _compilation = compilation;
            _symbols = compilation.Symbols;
            _wrappers = wrappers;
        }

        /// <summary>Cheap test used before paying for a control flow graph.</summary>
        public bool MayAffectLocks(IMethodSymbol method) => _compilation.CalleeOf(method).MayAffectLocks || !EffectOf(method).IsEmpty;

        /// <summary>What an unannotated call does as an inferred wrapper (<see cref="WrapperEffects"/>).</summary>
        public WrapperEffect EffectOf(IMethodSymbol method) => _wrappers?.Of(method) ?? WrapperEffect.None;

        /// <summary>
        /// True for calls whose bool result says whether the lock was taken
        /// (Monitor.TryEnter(obj), SemaphoreSlim.Wait(timeout), Lock.TryEnter, ReaderWriterLockSlim.TryEnter*).
        /// </summary>
        public bool IsConditionalAcquisition(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!ReturnsBool(method))
            {
                return false;
            }

            if (_symbols.IsLockingType(method.ContainingType))
            {
                return method.Name.StartsWith("TryEnter") || method.Name.StartsWith("Wait");
            }

            // [Acquires(..., Try = true)]: a custom try-lock, held only where it returned true.
            var annotations = _compilation.Annotations.ForMethod(method);
            return HasTry(annotations.Acquires) || HasTry(annotations.ReceiverAcquires);
        }

        /// <summary>bool, Task&lt;bool&gt; or ValueTask&lt;bool&gt;: what a try-lock may return.</summary>
        public static bool ReturnsBool(IMethodSymbol method)
        {
            var returnType = method.ReturnType;
            return returnType.SpecialType == SpecialType.System_Boolean
                || (returnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task && task.TypeArguments.Length == 1 && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean);
        }

        private static bool HasTry(System.Collections.Immutable.ImmutableArray<LevelUse> uses)
        {
            foreach (var use in uses)
            {
                if (use.Try)
                {
                    return true;
                }
            }

            return false;
        }

        public void Classify(IInvocationOperation invocation, ValueResolver resolver, List<LockEvent> events)
        {
            var method = invocation.TargetMethod;
            if (CallTargets.InvokesDelegate(method) && CallTargets.Of(invocation, resolver.Resolve) is { } target)
            {
                // Invoking a delegate known to be an annotated method is calling that method.
                method = target;
            }

            var location = invocation.Syntax.GetLocation();
            if (invocation.Instance != null && method.ContainingType.TypeKind == TypeKind.Interface && method.Parameters.Length == 0
                && method.Name is "Dispose" or "DisposeAsync"
                && ConcreteDisposal(ValueResolver.StripConversions(invocation.Instance).Type, method) is { } concrete
                && (_compilation.Annotations.ForMethod(concrete).DeclaresLockEffects || !EffectOf(concrete).IsEmpty))
            {
                // using (var end = new WriteEnd(sb)): the lowered call is IDisposable.Dispose, but the
                // disposed value's own Dispose says what is released; a using's implicit call points at the resource.
                method = concrete;
                if (invocation.IsImplicit)
                {
                    location = resolver.Resolve(invocation.Instance).Syntax.GetLocation();
                }
            }

            var annotations = _compilation.Annotations.ForMethod(method);
            if (!annotations.DeclaresLockEffects && EffectOf(method) is { IsEmpty: false } effect)
            {
                AddWrapperEvents(invocation, method, effect, location, resolver, events);
                return;
            }

            if (annotations.DeclaresLockEffects)
            {
                var description = Names.Member(method);
                var receiver = method.IsStatic ? "static:" + Names.Type(method.ContainingType) : ObjectPaths.Of(invocation.Instance == null ? null : resolver.Resolve(invocation.Instance));
                foreach (var use in annotations.Acquires)
                {
                    if (use.Level.Length > 0)
                    {
                        events.Add(new LockEvent(LockEventKind.Acquire, use.Level, use.Shared, invocation, location, description,
                            lockObject: LockObject.OfLevel(_compilation, use.Level, receiver), isTry: use.Try && ReturnsBool(method), primitive: LockPrimitive.AcquiringMethod, acquirer: method));
                    }
                }

                if (annotations.IsReceiverLevel && ReceiverLockOf(invocation, method, resolver) is { } receiverLock)
                {
                    // The object called on is the lock: its [Lock] level is taken and released exactly as a
                    // lock statement on a [Lock] field takes its own, on that object.
                    var lockDescription = receiverLock.Member == null ? description : Names.Member(receiverLock.Member) + "." + method.Name;
                    foreach (var use in annotations.ReceiverAcquires)
                    {
                        events.Add(new LockEvent(LockEventKind.Acquire, receiverLock.Level, use.Shared, invocation, location, lockDescription,
                            lockObject: receiverLock.Object, isTry: use.Try && ReturnsBool(method), primitive: LockPrimitive.AcquiringMethod, acquirer: method, member: receiverLock.Member));
                    }

                    foreach (var _ in annotations.ReceiverReleases)
                    {
                        events.Add(new LockEvent(LockEventKind.Release, receiverLock.Level, false, invocation, location, lockDescription, lockObject: receiverLock.Object, member: receiverLock.Member));
                    }
                }

                foreach (var use in annotations.MightAcquire)
                {
                    if (use.Level.Length > 0)
                    {
                        events.Add(new LockEvent(LockEventKind.MightAcquire, use.Level, use.Shared, invocation, location, description));
                    }
                }

                foreach (var use in annotations.Releases)
                {
                    if (use.Level.Length > 0)
                    {
                        events.Add(new LockEvent(LockEventKind.Release, use.Level, false, invocation, location, description, lockObject: LockObject.OfLevel(_compilation, use.Level, receiver)));
                    }
                }

                return;
            }

            var type = method.ContainingType?.OriginalDefinition;
            if (type == null)
            {
                return;
            }

            if (method.Name == "Dispose" && method.Parameters.Length == 0 && invocation.Instance != null)
            {
                ClassifyDisposal(invocation, resolver, events);
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _symbols.Monitor))
            {
                var lockObject = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                switch (method.Name)
                {
                    case "Enter":
                    case "TryEnter":
                        AddForLockObject(LockEventKind.Acquire, lockObject, shared: false, LockPrimitive.Monitor, invocation, resolver, events);
                        break;
                    case "Exit":
                        AddForLockObject(LockEventKind.Release, lockObject, shared: false, LockPrimitive.Monitor, invocation, resolver, events);
                        break;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _symbols.SemaphoreSlim))
            {
                switch (method.Name)
                {
                    case "Wait":
                    case "WaitAsync":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: false, LockPrimitive.SemaphoreSlim, invocation, resolver, events);
                        break;
                    case "Release":
                        AddForLockObject(LockEventKind.Release, invocation.Instance, shared: false, LockPrimitive.SemaphoreSlim, invocation, resolver, events);
                        break;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _symbols.ReaderWriterLockSlim))
            {
                switch (method.Name)
                {
                    case "EnterReadLock":
                    case "TryEnterReadLock":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: true, LockPrimitive.ReaderWriterLockSlim, invocation, resolver, events);
                        break;
                    case "EnterUpgradeableReadLock":
                    case "TryEnterUpgradeableReadLock":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: true, LockPrimitive.ReaderWriterLockSlim, invocation, resolver, events, upgradeable: true);
                        break;
                    case "EnterWriteLock":
                    case "TryEnterWriteLock":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: false, LockPrimitive.ReaderWriterLockSlim, invocation, resolver, events);
                        break;
                    case "ExitReadLock":
                    case "ExitUpgradeableReadLock":
                    case "ExitWriteLock":
                        AddForLockObject(LockEventKind.Release, invocation.Instance, shared: false, LockPrimitive.ReaderWriterLockSlim, invocation, resolver, events);
                        break;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _symbols.ThreadingLock))
            {
                switch (method.Name)
                {
                    case "Enter":
                    case "TryEnter":
                    case "EnterScope":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: false, LockPrimitive.Lock, invocation, resolver, events);
                        break;
                    case "Exit":
                        AddForLockObject(LockEventKind.Release, invocation.Instance, shared: false, LockPrimitive.Lock, invocation, resolver, events);
                        break;
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _symbols.SpinLock))
            {
                switch (method.Name)
                {
                    case "Enter":
                    case "TryEnter":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: false, LockPrimitive.SpinLock, invocation, resolver, events);
                        break;
                    case "Exit":
                        AddForLockObject(LockEventKind.Release, invocation.Instance, shared: false, LockPrimitive.SpinLock, invocation, resolver, events);
                        break;
                }
            }
            else if (IsMutex(invocation.Instance))
            {
                // WaitOne is declared on WaitHandle: only a wait on a Mutex takes something that is released.
                switch (method.Name)
                {
                    case "WaitOne":
                        AddForLockObject(LockEventKind.Acquire, invocation.Instance, shared: false, LockPrimitive.Mutex, invocation, resolver, events);
                        break;
                    case "ReleaseMutex":
                        AddForLockObject(LockEventKind.Release, invocation.Instance, shared: false, LockPrimitive.Mutex, invocation, resolver, events);
                        break;
                }
            }
        }

        /// <summary>
        /// A call of an inferred wrapper: what it holds on every path is acquired at the call, what it gives back
        /// is released there, each on the call's receiver as for an [Acquires] call; Shared as the wrapper took it.
        /// </summary>
        private void AddWrapperEvents(IInvocationOperation invocation, IMethodSymbol method, WrapperEffect effect, Location location, ValueResolver resolver, List<LockEvent> events)
        {
            var description = Names.Method(method);
            string? receiver = method.MethodKind == MethodKind.LocalFunction ? ObjectPaths.Captured
                : method.IsStatic ? null
                : ObjectPaths.Of(invocation.Instance == null ? null : resolver.Resolve(invocation.Instance));
            foreach (var held in effect.Acquires)
            {
                events.Add(new LockEvent(LockEventKind.Acquire, held.Level, held.Shared, invocation, location, description, inferred: held.Inferred,
                    lockObject: held.Object?.SeenThrough(receiver), primitive: LockPrimitive.AcquiringMethod, acquirer: method));
            }

            foreach (var released in effect.Releases)
            {
                events.Add(new LockEvent(LockEventKind.Release, released.Level, false, invocation, location, description, inferred: released.Inferred,
                    lockObject: released.Object?.SeenThrough(receiver)));
            }
        }

        private bool IsMutex(IOperation? instance)
            => _symbols.Mutex != null && instance != null && SymbolEqualityComparer.Default.Equals(ValueResolver.StripConversions(instance).Type?.OriginalDefinition, _symbols.Mutex);

        private void AddForLockObject(LockEventKind kind, IOperation? lockObject, bool shared, LockPrimitive primitive, IInvocationOperation invocation, ValueResolver resolver, List<LockEvent> events, bool upgradeable = false)
        {
            if (lockObject == null)
            {
                return;
            }

            var resolved = resolver.Resolve(lockObject);

            // A lowered lock statement has an implicit call: point at the locked expression instead.
            var location = invocation.IsImplicit ? resolved.Syntax.GetLocation() : invocation.Syntax.GetLocation();
            bool isTry = kind == LockEventKind.Acquire && IsTryLock(invocation.TargetMethod);
            if (LockOf(resolved) is { } target && !(target.Inferred && IsSignal(resolved)))
            {
                var description = invocation.IsImplicit ? "lock (" + target.Name + ")" : target.Name + "." + invocation.TargetMethod.Name;
                events.Add(new LockEvent(kind, target.Level, shared, invocation, location, description, inferred: target.Inferred, lockObject: target.Object, isTry: isTry,
                    upgradeable: upgradeable, primitive: primitive, member: target.Member));
            }
        }

        /// <summary>
        /// An unannotated SemaphoreSlim created with no free slot (<c>new SemaphoreSlim(0)</c>) is a signal:
        /// a waiter waits for a producer's Release, not for another holder to leave, so it orders nothing.
        /// </summary>
        private bool IsSignal(IOperation resolved)
            => resolved is IFieldReferenceOperation field
                && SymbolEqualityComparer.Default.Equals(field.Field.Type.OriginalDefinition, _symbols.SemaphoreSlim)
                && _compilation.InitialCountOf(field.Field) == 0;

        /// <summary>
        /// A lock statement the control flow graph could not lower (a System.Threading.Lock in a
        /// nullable-enabled context comes out as an invalid operation): the acquisition it makes.
        /// </summary>
        public LockEvent? ClassifyUnloweredLock(IOperation statement, IOperation lockedValue, ValueResolver resolver)
        {
            var resolved = resolver.Resolve(lockedValue);
            return LockOf(resolved) is { } target
                ? new LockEvent(LockEventKind.Acquire, target.Level, false, statement, resolved.Syntax.GetLocation(), "lock (" + target.Name + ")",
                    inferred: target.Inferred, lockObject: target.Object, member: target.Member,
                    primitive: SymbolEqualityComparer.Default.Equals(resolved.Type?.OriginalDefinition, _symbols.ThreadingLock) ? LockPrimitive.Lock : LockPrimitive.Monitor)
                : null;
        }

        /// <summary>TryEnter*, and waits bounded by a timeout: they give up instead of deadlocking.</summary>
        private static bool IsTryLock(IMethodSymbol method)
        {
            if (method.Name.StartsWith("TryEnter", System.StringComparison.Ordinal))
            {
                return true;
            }

            if (method.Name is not ("Wait" or "WaitAsync"))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Int32 || parameter.Type.Name == "TimeSpan")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
