using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Translates calls into lock events: annotated methods and the framework's locking APIs on [Lock] members.</summary>
    internal sealed class LockEventClassifier
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

        /// <summary>
        /// The level of the object a receiver-level [Acquires] or [Releases] method is called on: the [Lock] of
        /// the field or property the receiver reads, else the [Lock] of the receiver's class (or a base class).
        /// A receiver with neither (a local of an unmarked lock type) belongs to no level: nothing is taken.
        /// </summary>
        private LockTarget? ReceiverLockOf(IInvocationOperation invocation, IMethodSymbol method, ValueResolver resolver)
        {
            if (method.IsStatic || invocation.Instance == null)
            {
                return null;
            }

            var resolved = resolver.Resolve(invocation.Instance);
            var member = MemberOf(resolved);
            // The receiver's own static type when what it resolves to says less: a foreach variable over an
            // array resolves to the enumerator's Current, an object, through the cast the loop makes.
            var use = (member == null ? null : _compilation.Annotations.LockLevelOf(member))
                ?? _compilation.Annotations.ClassLevelOf(resolved.Type ?? method.ContainingType)
                ?? (ReferenceEquals(resolved, invocation.Instance) ? null : _compilation.Annotations.ClassLevelOf(invocation.Instance.Type));
            if (use == null)
            {
                return null;
            }

            // A custom lock says nothing of its re-entrancy: it is the level's, as for any [Acquires] method.
            var lockObject = LockObject.Of(_compilation, resolved, member, use.Level);
            lockObject = new LockObject(lockObject.Path, lockObject.Owner, LockObject.LevelReentrancy(_compilation, use.Level), lockObject.KeyOrder, lockObject.OwnersOwn);
            return new LockTarget(use.Level, member == null ? Names.Member(method) : Names.Member(member), inferred: false, lockObject, member);
        }

        private ISymbol? MemberOf(IOperation resolved)
            => resolved switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => _compilation.BackingFieldOf(property.Property) ?? (ISymbol)property.Property,
                _ => null,
            };

        /// <summary>
        /// The level a lock object belongs to: its [Lock] level, else the [Lock] of its class, or else (when
        /// inferring) its lock class.
        /// </summary>
        private LockTarget? LockOf(IOperation resolved)
        {
            var member = MemberOf(resolved);
            if (member != null && _compilation.Annotations.LockLevelOf(member) is { } use)
            {
                return new LockTarget(use.Level, Names.Member(member), inferred: false, LockObject.Of(_compilation, resolved, member, use.Level), member);
            }

            if (_compilation.Annotations.ClassLevelOf(resolved.Type) is { } classUse)
            {
                var name = member == null ? Names.Type(resolved.Type!) : Names.Member(member);
                return new LockTarget(classUse.Level, name, inferred: false, LockObject.Of(_compilation, resolved, member, classUse.Level), member);
            }

            if (!_compilation.InferUnannotated || InferredClass(resolved, member) is not { } lockClass)
            {
                return null;
            }

            return new LockTarget(lockClass, lockClass, inferred: true, LockObject.Of(_compilation, resolved, member, level: null), member);
        }

        private sealed class LockTarget
        {
            public LockTarget(string level, string name, bool inferred, LockObject lockObject, ISymbol? member)
            {
                Member = member;
                Level = level;
                Name = name;
                Inferred = inferred;
                Object = lockObject;
            }

            public string Level { get; }

            public string Name { get; }

            public bool Inferred { get; }

            public LockObject Object { get; }

            public ISymbol? Member { get; }
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

        /// <summary>
        /// lockdep's lock class for an unannotated lock: one per declaring field or property (whatever
        /// instance it is read from); one per type for typeof(T); and for an object whose static type is a
        /// class or interface of this compilation — this, a parameter, a local, an element, a call's result —
        /// "instances of T", one per type hierarchy. Objects typed object, string, a delegate or a lock type
        /// that cannot be tied to a field are no class at all: nothing says which locks they are.
        /// </summary>
        private string? InferredClass(IOperation resolved, ISymbol? member)
        {
            if (member != null)
            {
                var definition = member.OriginalDefinition;
                return Names.Type(definition.ContainingType) + "." + definition.Name;
            }

            if (resolved is ITypeOfOperation typeOf)
            {
                return "typeof(" + Names.Type(typeOf.TypeOperand) + ")";
            }

            bool keyedByType = resolved is IInstanceReferenceOperation or IParameterReferenceOperation or ILocalReferenceOperation
                or IArrayElementReferenceOperation or IInvocationOperation or IPropertyReferenceOperation;
            return keyedByType && resolved.Type is INamedTypeSymbol type && IsClassOfInstances(type)
                ? "instances of " + Names.Type(HierarchyRoot(type))
                : null;
        }

        private bool IsClassOfInstances(INamedTypeSymbol type)
            => type.TypeKind is TypeKind.Class or TypeKind.Interface
                && type.ContainingAssembly is ISourceAssemblySymbol
                && !_symbols.IsLockingType(type);

        /// <summary>
        /// lock (this) in a derived type and in its base lock the same object: both are named after the
        /// outermost base type declared in this compilation.
        /// </summary>
        private static ITypeSymbol HierarchyRoot(ITypeSymbol type)
        {
            var root = type;
            for (var baseType = type.BaseType; baseType != null && baseType.ContainingAssembly is ISourceAssemblySymbol; baseType = baseType.BaseType)
            {
                root = baseType;
            }

            return root;
        }
    }
}
