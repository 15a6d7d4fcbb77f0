using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// The held-lock data flow over one control flow graph: a fixed point over its blocks (finally
    /// regions run as sub-flows, catch handlers see any state of their try), then one replay that
    /// reports findings and records acquisitions and calls.
    /// </summary>
    internal sealed class HeldLockFlow
    {
        private const int MaxSweeps = 64;

        private readonly LockCompilation _compilation;
        private readonly LockEventClassifier _classifier;
        private readonly ControlFlowGraph _graph;
        private readonly IMethodSymbol? _owner;
        private readonly MethodAnnotations _ownerAnnotations;
        private readonly DeepContext? _context;
        private readonly FindingSink _findings;
        private readonly CancellationToken _cancellationToken;
        private readonly ValueResolver _resolver;
        private readonly HeldLockSet?[] _in;
        private readonly List<AcquisitionSite> _sites = new();
        private readonly Dictionary<(IOperation, string), int> _siteIndex = new();
        private readonly List<LockEvent> _events = new();
        private readonly List<(int Entry, ControlFlowRegion Try)> _handlers = new();
        private readonly Dictionary<ILocalSymbol, string> _lockTakenFlags = new(SymbolEqualityComparer.Default);
        private readonly MethodRecord? _record;
        private readonly Func<IOperation, IOperation> _resolve;
        private HeldLockSet? _snapshotOf;
        private ImmutableArray<string> _snapshot;
        private readonly List<(LockStatementSyntax Statement, LockEvent Acquisition)> _unloweredLocks = new();

        public HeldLockFlow(LockCompilation compilation, LockEventClassifier classifier, ControlFlowGraph graph, IMethodSymbol? owner, DeepContext? context, FindingSink findings, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _classifier = classifier;
            _graph = graph;
            _owner = owner;
            _ownerAnnotations = owner == null ? MethodAnnotations.None : compilation.Annotations.ForMethod(owner);
            _context = context;
            _findings = findings;
            _cancellationToken = cancellationToken;
            _resolver = new ValueResolver(graph);
            _resolve = _resolver.Resolve;
            _in = new HeldLockSet?[graph.Blocks.Length];
            CollectHandlers(graph.Root);
            CollectLockTakenFlags();
            CollectUnloweredLocks();
            if (owner != null)
            {
                _record = new MethodRecord(AnnotationReader.Normalize(owner), graph.OriginalOperation.Syntax.GetLocation());
                findings.Records.Add(_record);
            }
        }

        public void Run()
        {
            var entry = _context == null ? HeldLockSet.Empty : HeldLockSet.FromContext(_context.Levels);
            Solve(0, _graph.Blocks.Length - 1, entry, _in);

            foreach (var block in _graph.Blocks)
            {
                var state = _in[block.Ordinal];
                if (state != null && block.Kind == BasicBlockKind.Block)
                {
                    Transfer(block, state, report: true);
                }
            }

            var exit = _in[_graph.Blocks.Length - 1];
            if (exit != null)
            {
                ReportStillHeld(exit);
            }

            ReportUndeclared();
        }

        /// <summary>
        /// LL0007: a method other assemblies can call takes levels in its body that its signature
        /// does not declare, so their summaries of it would be empty.
        /// </summary>
        private void ReportUndeclared()
        {
            if (_record == null || _owner == null || _record.Acquisitions.Count == 0 || !IsVisibleOutsideAssembly(_owner))
            {
                return;
            }

            var exclusive = new List<string>();
            var shared = new List<string>();
            foreach (var acquisition in _record.Acquisitions)
            {
                if (acquisition.Inferred || _ownerAnnotations.Declares(acquisition.Level) || exclusive.Contains(acquisition.Level))
                {
                    continue;
                }

                if (!acquisition.Shared)
                {
                    shared.Remove(acquisition.Level);
                    exclusive.Add(acquisition.Level);
                }
                else if (!shared.Contains(acquisition.Level))
                {
                    shared.Add(acquisition.Level);
                }
            }

            if (exclusive.Count + shared.Count == 0)
            {
                return;
            }

            var all = new List<string>(exclusive);
            all.AddRange(shared);
            var location = _owner.Locations.IsEmpty ? Location.None : _owner.Locations[0];
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(UndeclaredLevels.Exclusive, string.Join(",", exclusive))
                .Add(UndeclaredLevels.Shared, string.Join(",", shared));
            _findings.Add(new Finding(Descriptors.UndeclaredAcquisition, location, ImmutableArray<Location>.Empty,
                new object[] { MethodLockAnalysis.DisplayName(_owner), string.Join(", ", all) }, properties));
        }

        private static bool HasAccessorSyntax(IMethodSymbol accessor)
        {
            foreach (var reference in accessor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is AccessorDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsVisibleOutsideAssembly(IMethodSymbol method)
        {
            // [MightAcquire] goes on methods and accessors written out in source (not constructors, not => properties).
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.PropertySet)
                || method.ExplicitInterfaceImplementations.Length > 0
                || (method.MethodKind != MethodKind.Ordinary && !HasAccessorSyntax(method)))
            {
                return false;
            }

            for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                if (symbol.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Runs the blocks first..last to a fixed point from <paramref name="entry"/>; returns the
        /// joined state at the range's structured exits (the end of a finally region).
        /// </summary>
        private HeldLockSet? Solve(int first, int last, HeldLockSet entry, HeldLockSet?[] states)
        {
            HeldLockSet? regionExit = null;
            JoinInto(states, first, entry);
            bool changed = true;
            for (int sweep = 0; changed && sweep < MaxSweeps; sweep++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                changed = false;
                for (int ordinal = first; ordinal <= last; ordinal++)
                {
                    var state = states[ordinal];
                    if (state == null)
                    {
                        continue;
                    }

                    var block = _graph.Blocks[ordinal];
                    var (whenFalse, whenTrue) = Transfer(block, state, report: false);
                    var fallThroughState = whenFalse;
                    if (block.ConditionalSuccessor != null)
                    {
                        bool conditionalOnTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
                        changed |= Flow(block.ConditionalSuccessor, conditionalOnTrue ? whenTrue : whenFalse, first, last, states, ref regionExit);
                        fallThroughState = conditionalOnTrue ? whenFalse : whenTrue;
                    }

                    if (block.FallThroughSuccessor != null)
                    {
                        changed |= Flow(block.FallThroughSuccessor, fallThroughState, first, last, states, ref regionExit);
                    }
                }

                foreach (var (handlerEntry, tryRegion) in _handlers)
                {
                    if (handlerEntry < first || handlerEntry > last)
                    {
                        continue;
                    }

                    // An exception can leave the try block anywhere: the handler may see any state the try had.
                    HeldLockSet? atThrow = null;
                    for (int ordinal = tryRegion.FirstBlockOrdinal; ordinal <= tryRegion.LastBlockOrdinal; ordinal++)
                    {
                        if (states[ordinal] is { } tryState)
                        {
                            atThrow = atThrow == null ? tryState : atThrow.Join(tryState);
                        }
                    }

                    if (atThrow != null)
                    {
                        changed |= JoinInto(states, handlerEntry, atThrow);
                    }
                }
            }

            return regionExit;
        }

        private bool Flow(ControlFlowBranch branch, HeldLockSet state, int first, int last, HeldLockSet?[] states, ref HeldLockSet? regionExit)
        {
            if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
            {
                regionExit = regionExit == null ? state : regionExit.Join(state);
                return false;
            }

            foreach (var region in branch.FinallyRegions)
            {
                var finallyStates = new HeldLockSet?[_graph.Blocks.Length];
                var afterFinally = Solve(region.FirstBlockOrdinal, region.LastBlockOrdinal, state, finallyStates);
                for (int ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
                {
                    if (finallyStates[ordinal] is { } finallyState)
                    {
                        JoinInto(_in, ordinal, finallyState);
                    }
                }

                if (afterFinally == null)
                {
                    // The finally region never completes normally (it throws): nothing flows on.
                    return false;
                }

                state = afterFinally;
            }

            var destination = branch.Destination;
            if (destination == null || destination.Ordinal < first || destination.Ordinal > last)
            {
                return false;
            }

            return JoinInto(states, destination.Ordinal, state);
        }

        private static bool JoinInto(HeldLockSet?[] states, int ordinal, HeldLockSet state)
        {
            var previous = states[ordinal];
            var joined = previous == null ? state : previous.Join(state);
            if (previous != null && joined.Equals(previous))
            {
                return false;
            }

            states[ordinal] = joined;
            return true;
        }

        private (HeldLockSet WhenFalse, HeldLockSet WhenTrue) Transfer(BasicBlock block, HeldLockSet state, bool report)
        {
            foreach (var operation in block.Operations)
            {
                state = EnterOrLeaveUnloweredLocks(operation, state, report);
                state = Visit(operation, state, report);
            }

            var branchValue = block.BranchValue;
            if (branchValue == null)
            {
                return (state, state);
            }

            state = EnterOrLeaveUnloweredLocks(branchValue, state, report);

            if (block.ConditionKind != ControlFlowConditionKind.None
                && ValueResolver.StripConversions(branchValue) is ILocalReferenceOperation flag
                && _lockTakenFlags.TryGetValue(flag.Local, out var takenLevel))
            {
                // if (lockTaken) Monitor.Exit(x): where the flag is false the lock was never taken.
                return (state.Release(takenLevel), state);
            }

            if (block.ConditionKind != ControlFlowConditionKind.None && branchValue is IIsNullOperation nullCheck)
            {
                // using (scope) disposes only a non-null scope: where it is null, nothing was acquired.
                return (state, ReleaseScope(nullCheck.Operand, state));
            }

            if (block.ConditionKind != ControlFlowConditionKind.None
                && StripToInvocation(branchValue, out bool negated) is { } invocation
                && _classifier.IsConditionalAcquisition(invocation))
            {
                // if (Monitor.TryEnter(x)) { ... }: the lock is held only where the call returned true.
                foreach (var child in invocation.ChildOperations)
                {
                    state = Visit(child, state, report);
                }

                var taken = Apply(invocation, state, report);
                return negated ? (taken, state) : (state, taken);
            }

            state = Visit(branchValue, state, report);
            return (state, state);
        }

        private HeldLockSet ReleaseScope(IOperation scope, HeldLockSet state)
        {
            if (_resolver.Resolve(scope) is not IInvocationOperation acquisition || !_classifier.ReturnsScope(acquisition))
            {
                return state;
            }

            _events.Clear();
            _classifier.Classify(acquisition, _resolver, _events);
            foreach (var @event in _events)
            {
                if (@event.Kind == LockEventKind.Acquire)
                {
                    state = state.Release(@event.Level);
                }
            }

            return state;
        }

        /// <summary>
        /// The call whose bool result a branch tests, through await, ConfigureAwait, !, "is false" and
        /// "== false"; <paramref name="negated"/> says the branch value is true when the call returned false.
        /// </summary>
        private static IInvocationOperation? StripToInvocation(IOperation operation, out bool negated)
        {
            negated = false;
            for (int step = 0; step < 8; step++)
            {
                operation = ValueResolver.StripConversions(operation);
                switch (operation)
                {
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                        operation = task;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        negated = !negated;
                        operation = not.Operand;
                        continue;
                    case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } pattern:
                        negated ^= !expected;
                        operation = pattern.Value;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, RightOperand.ConstantValue: { HasValue: true, Value: bool compared } } comparison:
                        negated ^= compared == (comparison.OperatorKind == BinaryOperatorKind.NotEquals);
                        operation = comparison.LeftOperand;
                        continue;
                    case IInvocationOperation invocation:
                        return invocation;
                    default:
                        return null;
                }
            }

            return null;
        }

        private HeldLockSet Visit(IOperation operation, HeldLockSet state, bool report)
        {
            if (operation is IFlowAnonymousFunctionOperation)
            {
                return state;
            }

            foreach (var child in operation.ChildOperations)
            {
                state = Visit(child, state, report);
            }

            if (report)
            {
                RecordCall(operation, state);
            }

            return operation is IInvocationOperation invocation ? Apply(invocation, state, report) : state;
        }

        private void RecordCall(IOperation operation, HeldLockSet state)
        {
            if (_record != null && CallTargets.Subscription(operation, _resolve) is { } subscription)
            {
                _record.Subscriptions.Add(subscription);
            }

            var target = CallTargets.Of(operation, _resolve);
            if (target == null)
            {
                return;
            }

            if (_record != null && _compilation.IsWorthRecording(target))
            {
                _record.Calls.Add(new CallRecord(target, operation.Syntax, Snapshot(state)));
            }

            if (operation is IInvocationOperation && _compilation.ContextOf(target) is { } required)
            {
                foreach (var level in required.Levels)
                {
                    if (!state.Contains(level))
                    {
                        _findings.Add(new Finding(Descriptors.DeepContextCalledWithoutLocks, operation.Syntax.GetLocation(), ImmutableArray<Location>.Empty,
                            new object[] { target.Name, level, string.Join(", ", required.Levels), required.DeclaringMemberName }));
                        break;
                    }
                }
            }
        }

        /// <summary>The levels held, context levels first (in declared order), then acquisitions in the order they were made.</summary>
        private ImmutableArray<string> Snapshot(HeldLockSet state)
        {
            if (state.IsEmpty)
            {
                return ImmutableArray<string>.Empty;
            }

            if (ReferenceEquals(state, _snapshotOf))
            {
                return _snapshot;
            }

            _snapshotOf = state;
            _snapshot = BuildSnapshot(state);
            return _snapshot;
        }

        private ImmutableArray<string> BuildSnapshot(HeldLockSet state)
        {
            var levels = ImmutableArray.CreateBuilder<string>(state.Locks.Length);
            if (_context != null)
            {
                foreach (var level in _context.Levels)
                {
                    if (state.TryGet(level, out var held) && held.Origin == HeldOrigin.Context)
                    {
                        levels.Add(level);
                    }
                }
            }

            var acquired = new List<HeldLock>();
            foreach (var held in state.Locks)
            {
                if (held.Origin == HeldOrigin.Acquired)
                {
                    acquired.Add(held);
                }
            }

            acquired.Sort((a, b) => a.Site.CompareTo(b.Site));
            foreach (var held in acquired)
            {
                levels.Add(held.Level);
            }

            return levels.ToImmutable();
        }

        private HeldLockSet Apply(IInvocationOperation invocation, HeldLockSet state, bool report)
        {
            _events.Clear();
            _classifier.Classify(invocation, _resolver, _events);
            foreach (var @event in _events)
            {
                switch (@event.Kind)
                {
                    case LockEventKind.Acquire:
                        state = Take(@event, state, report);
                        break;
                    case LockEventKind.MightAcquire:
                        if (report)
                        {
                            CheckOrder(@event, state);
                            RecordAcquisition(@event, state);
                        }

                        break;
                    case LockEventKind.Release:
                        if (report && !@event.Inferred && !state.Contains(@event.Level) && !@event.IsDisposal && !_ownerAnnotations.ReleasesLevel(@event.Level))
                        {
                            _findings.Add(new Finding(Descriptors.UnbalancedRelease, @event.Location, ImmutableArray<Location>.Empty,
                                new object[] { @event.Level, MethodLockAnalysis.DisplayName(_owner) }));
                        }

                        state = state.Release(@event.Level);
                        break;
                }
            }

            return state;
        }

        /// <summary>Checks and records an acquisition (a try-lock is neither), then holds its level.</summary>
        private HeldLockSet Take(LockEvent acquisition, HeldLockSet state, bool report)
        {
            if (report && !acquisition.IsTry)
            {
                CheckOrder(acquisition, state);
                RecordAcquisition(acquisition, state);
                RecordInstancePair(acquisition, state);
            }

            return state.Acquire(acquisition.Level, acquisition.Shared, SiteOf(acquisition));
        }

        private void RecordAcquisition(LockEvent acquisition, HeldLockSet state)
            => _record?.Acquisitions.Add(new AcquisitionRecord(acquisition.Level, acquisition.Shared, acquisition.Location, acquisition.Description, Snapshot(state),
                ClaimProperties.For(_compilation, acquisition), acquisition.Inferred));

        /// <summary>lock (a._sync) { lock (b._sync) { } }: the same class on two objects, in this order.</summary>
        private void RecordInstancePair(LockEvent acquisition, HeldLockSet state)
        {
            if (_record == null || !acquisition.Inferred || acquisition.Receiver == null
                || !state.TryGet(acquisition.Level, out var held) || held.Origin != HeldOrigin.Acquired)
            {
                return;
            }

            var first = _sites[held.Site];
            if (first.Receiver != null && first.Receiver != acquisition.Receiver)
            {
                _record.InstancePairs.Add(new InstancePair(acquisition.Level, first.Receiver, acquisition.Receiver, acquisition.Location, first.Location));
            }
        }

        private void CheckOrder(LockEvent acquisition, HeldLockSet state)
        {
            if (state.Contains(acquisition.Level))
            {
                // Re-entrant: the level is already held, so this cannot wait on an inner level's holder.
                return;
            }

            var order = _compilation.Order;
            if (_context != null)
            {
                foreach (var level in _context.Levels)
                {
                    if (state.TryGet(level, out var held) && held.Origin == HeldOrigin.Context && order.IsOuter(acquisition.Level, level))
                    {
                        _findings.Add(new Finding(Descriptors.OuterLevelInDeepContext, acquisition.Location, ImmutableArray<Location>.Empty,
                            new object[] { acquisition.Level, level, MethodLockAnalysis.DisplayName(_owner), string.Join(", ", _context.Levels), _context.DeclaringMemberName },
                            ClaimProperties.For(_compilation, acquisition)));
                        break;
                    }
                }
            }

            HeldLock? inner = null;
            foreach (var held in state.Locks)
            {
                if (held.Origin == HeldOrigin.Acquired && order.IsOuter(acquisition.Level, held.Level) && (inner == null || held.Site < inner.Value.Site))
                {
                    inner = held;
                }
            }

            if (inner is { } innerHeld)
            {
                var innerSite = _sites[innerHeld.Site].Location;
                _findings.Add(new Finding(Descriptors.LockOrderInversion, acquisition.Location, ImmutableArray.Create(innerSite),
                    new object[] { acquisition.Level, innerHeld.Level, innerSite.GetLineSpan().StartLinePosition.Line + 1 }));
            }
        }

        /// <summary>An unlowered lock statement's level is released where its body ends, which a return inside it skips.</summary>
        private bool IsUnloweredLockSite(int site)
        {
            foreach (var (_, acquisition) in _unloweredLocks)
            {
                if (SiteOf(acquisition) == site)
                {
                    return true;
                }
            }

            return false;
        }

        private void ReportStillHeld(HeldLockSet exit)
        {
            foreach (var held in exit.Locks)
            {
                if (held.Origin != HeldOrigin.Acquired || _ownerAnnotations.AcquiresLevel(held.Level))
                {
                    continue;
                }

                var site = _sites[held.Site];
                if (!site.Escapes && !site.Inferred && !IsUnloweredLockSite(held.Site))
                {
                    _findings.Add(new Finding(Descriptors.UnbalancedAcquire, site.Location, ImmutableArray<Location>.Empty,
                        new object[] { held.Level, MethodLockAnalysis.DisplayName(_owner) }));
                }
            }
        }

        private int SiteOf(LockEvent acquisition)
        {
            var key = (acquisition.Operation, acquisition.Level);
            if (!_siteIndex.TryGetValue(key, out int index))
            {
                index = _sites.Count;
                bool escapes = acquisition.Operation is IInvocationOperation invocation && _classifier.ReturnsScope(invocation) && ScopeEscape.Escapes(_graph, invocation);
                _sites.Add(new AcquisitionSite(acquisition.Location, escapes, acquisition.Inferred, acquisition.Receiver));
                _siteIndex.Add(key, index);
            }

            return index;
        }

        /// <summary>
        /// Finds lock statements the graph left unlowered (an invalid operation in place of the
        /// enter/exit calls): their bodies are then held by syntax, since the graph has no exit for them.
        /// </summary>
        private void CollectUnloweredLocks()
        {
            foreach (var block in _graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IExpressionStatementOperation { Operation: IInvalidOperation invalid, Syntax: LockStatementSyntax statement }
                        && invalid.ChildOperations.Count > 0
                        && _classifier.ClassifyUnloweredLock(operation, invalid.ChildOperations.First(), _resolver) is { } acquisition)
                    {
                        _unloweredLocks.Add((statement, acquisition));
                    }
                }
            }
        }

        /// <summary>
        /// At the statement of an unlowered lock its level is taken; inside its body it is held; past
        /// the body the acquisition made there is released.
        /// </summary>
        private HeldLockSet EnterOrLeaveUnloweredLocks(IOperation operation, HeldLockSet state, bool report)
        {
            foreach (var (statement, acquisition) in _unloweredLocks)
            {
                int site = SiteOf(acquisition);
                if (operation.Syntax == statement)
                {
                    state = Take(acquisition, state, report);
                }
                else if (!statement.Statement.Span.Contains(operation.Syntax.Span)
                    && state.TryGet(acquisition.Level, out var held) && held.Site == site && held.Origin == HeldOrigin.Acquired)
                {
                    state = state.Release(acquisition.Level);
                }
            }

            return state;
        }

        /// <summary>
        /// Finds the bool locals that say whether a lock was taken: the one Monitor.Enter(x, ref taken)
        /// sets (a lowered lock statement has one), and a local holding a TryEnter or Wait(timeout)
        /// result, so a branch on the flag can tell where the lock is held.
        /// </summary>
        private void CollectLockTakenFlags()
        {
            var monitor = _compilation.Symbols.Monitor;
            foreach (var block in _graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        switch (descendant)
                        {
                            case IInvocationOperation invocation when monitor != null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, monitor):
                                foreach (var argument in invocation.Arguments)
                                {
                                    if (argument.Parameter?.RefKind == RefKind.Ref && argument.Value is ILocalReferenceOperation taken)
                                    {
                                        AddLockTakenFlag(taken.Local, invocation);
                                    }
                                }

                                break;

                            // bool ok = sem.Wait(timeout); if (ok) ...: the result kept in a local is the flag.
                            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation flag } assignment
                                when flag.Local.Type.SpecialType == SpecialType.System_Boolean
                                    && StripToInvocation(assignment.Value, out bool negated) is { } tried
                                    && !negated
                                    && _classifier.IsConditionalAcquisition(tried):
                                AddLockTakenFlag(flag.Local, tried);
                                break;
                        }
                    }
                }
            }
        }

        private void AddLockTakenFlag(ILocalSymbol flag, IInvocationOperation acquisition)
        {
            _events.Clear();
            _classifier.Classify(acquisition, _resolver, _events);
            foreach (var @event in _events)
            {
                if (@event.Kind == LockEventKind.Acquire)
                {
                    _lockTakenFlags[flag] = @event.Level;
                }
            }
        }

        private void CollectHandlers(ControlFlowRegion region)
        {
            if (region.Kind == ControlFlowRegionKind.TryAndCatch && region.NestedRegions.Length > 1)
            {
                var tryRegion = region.NestedRegions[0];
                for (int i = 1; i < region.NestedRegions.Length; i++)
                {
                    _handlers.Add((region.NestedRegions[i].FirstBlockOrdinal, tryRegion));
                }
            }

            foreach (var nested in region.NestedRegions)
            {
                CollectHandlers(nested);
            }
        }
    }
}
