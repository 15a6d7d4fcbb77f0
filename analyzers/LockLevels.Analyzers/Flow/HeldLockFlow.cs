using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The held-lock data flow over one control flow graph: a fixed point over its blocks (finally
    /// regions run as sub-flows, catch handlers see any state of their try), then one replay that
    /// records the body's facts: each acquisition with what is held before it, releases of what is not
    /// held, what is still held at the end, and each call with what is held at it. It judges nothing:
    /// the rules do.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        private const int MaxSweeps = 64;

        private readonly CompilationIndex _index;
        private readonly LockEventClassifier _classifier;
        private readonly CallRecorder _recorder;
        private readonly ControlFlowGraph _graph;
        private readonly DeepContext? _context;
        private readonly BodyFacts _facts;
        private readonly CancellationToken _cancellationToken;
        private readonly ValueResolver _resolver;
        private readonly System.Func<IOperation, IOperation> _resolve;
        private readonly HeldLockSet?[] _in;
        private readonly List<Site> _sites = new();
        private readonly Dictionary<(IOperation, string), int> _siteIndex = new();
        private readonly List<LockEvent> _events = new();
        private readonly List<string> _releasedLevels = new();
        private readonly List<(int Entry, ControlFlowRegion Try)> _handlers = new();
        private readonly Dictionary<ILocalSymbol, string> _lockTakenFlags;
        private readonly List<(LockStatementSyntax Statement, LockEvent Acquisition)> _unloweredLocks = new();
        private HeldLockSet? _snapshotOf;
        private ImmutableArray<string> _snapshot;
        private HeldLockSet? _heldSitesOf;
        private ImmutableArray<HeldSite> _heldSites;

        private HeldLockFlow(CompilationIndex index, LockEventClassifier classifier, CallRecorder recorder, ControlFlowGraph graph, IMethodSymbol? owner, DeepContext? context, CancellationToken cancellationToken)
        {
            _index = index;
            _classifier = classifier;
            _recorder = recorder;
            _graph = graph;
            _context = context;
            _cancellationToken = cancellationToken;
            _resolver = new ValueResolver(graph);
            _resolve = _resolver.Resolve;
            _in = new HeldLockSet?[graph.Blocks.Length];
            _facts = new BodyFacts(owner == null ? null : AnnotationReader.Normalize(owner), graph.OriginalOperation.Syntax.GetLocation(), context);
            CollectHandlers(graph.Root);
            _lockTakenFlags = Conditions.LockTakenFlags(graph, index.Symbols, classifier, _resolver);
            CollectUnloweredLocks();
        }

        /// <summary>The facts of the body whose graph this is (its lambdas and local functions apart).</summary>
        /// <param name="inferEffect">Also work out what the body does to its caller's locks on every path (<see cref="BodyFacts.Effect"/>), for <see cref="WrapperEffects"/>.</param>
        public static BodyFacts Run(CompilationIndex index, LockEventClassifier classifier, CallRecorder recorder, ControlFlowGraph graph, IMethodSymbol? owner, DeepContext? context, CancellationToken cancellationToken, bool inferEffect = false)
        {
            var flow = new HeldLockFlow(index, classifier, recorder, graph, owner, context, cancellationToken);
            flow.Run();
            if (inferEffect)
            {
                flow._facts.Effect = flow.InferEffect();
            }

            return flow._facts;
        }

        private void Run()
        {
            var entry = _context == null ? HeldLockSet.Empty : HeldLockSet.FromContext(_context.Levels);
            Solve(0, _graph.Blocks.Length - 1, entry, _in);
            FindRestoringSites();

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
                RecordHeldAtExit(exit);
            }
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

                    if (StateAtThrow(tryRegion, states) is { } atThrow)
                    {
                        changed |= JoinInto(states, handlerEntry, atThrow);
                    }
                }
            }

            return regionExit;
        }

        private static HeldLockSet? Join(HeldLockSet? joined, HeldLockSet? state)
            => state == null ? joined : joined == null ? state : joined.Join(state);

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

            if (block.ConditionKind != ControlFlowConditionKind.None && TestedCondition(branchValue) is { } condition)
            {
                // if (c) Exit(): where c is false, what only if (c) Enter() took was never taken.
                state = Visit(branchValue, state, report);
                return (DropGuarded(state, condition.Name, condition.Negated), DropGuarded(state, condition.Name, !condition.Negated));
            }

            if (block.ConditionKind != ControlFlowConditionKind.None && branchValue is IIsNullOperation nullCheck)
            {
                // using (scope) disposes only a non-null scope: where it is null, nothing was acquired.
                return (state, ReleaseScope(nullCheck.Operand, state));
            }

            if (block.ConditionKind != ControlFlowConditionKind.None
                && Conditions.TestedCall(branchValue, out bool negated) is { } invocation
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
            if (block.ConditionKind != ControlFlowConditionKind.None && !state.IsEmpty && LoopEndedWhenFalse(branchValue) is { } loop)
            {
                // for (...) Exit(f[i]): where the loop ends normally, it gave back what a paired loop took.
                return (ReleasedByLoop(state, loop), state);
            }

            return (state, state);
        }

        private HeldLockSet ReleaseScope(IOperation scope, HeldLockSet state)
        {
            var resolved = _resolver.Resolve(scope);
            if (resolved is IObjectCreationOperation creation)
            {
                // using (new WriteEnd(sb)): a new object is never null, so the path that skips its Dispose is
                // never taken; it leaves the levels as the Dispose would.
                _releasedLevels.Clear();
                _classifier.DisposalReleases(creation.Type, _releasedLevels);
                foreach (var level in _releasedLevels)
                {
                    state = state.Release(level);
                }

                return state;
            }

            if (resolved is not IInvocationOperation acquisition || !_classifier.ReturnsScope(acquisition))
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
                _recorder.Record(operation, Snapshot(state), _facts, _resolve, HeldSites(state));
                RecordAwait(operation, state);
            }

            return operation is IInvocationOperation invocation ? Apply(invocation, state, report) : Renamed(operation, state);
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
                            RecordAcquisition(@event, state);
                        }

                        break;
                    case LockEventKind.Release:
                        _mayGiveBack |= !state.Contains(@event.Level);
                        ScanRelease(@event.Level, state);
                        if (report && !state.Contains(@event.Level))
                        {
                            _facts.UnheldReleases.Add(new Release(@event.Level, @event.Location, @event.Inferred, @event.IsDisposal, @event.Object));
                        }

                        if (report && GivesBack(@event.Level, state))
                        {
                            _facts.HandedBack.Add(@event.Level);
                        }

                        state = state.Release(@event.Level, ReleasedSite(@event, state));
                        break;
                }
            }

            return state;
        }

        /// <summary>Records an acquisition (not a try-lock: it cannot wait, so it orders nothing), then holds its level.</summary>
        private HeldLockSet Take(LockEvent acquisition, HeldLockSet state, bool report)
        {
            if (report && !acquisition.IsTry)
            {
                RecordAcquisition(acquisition, state);
            }

            int site = SiteOf(acquisition);
            ScanAcquisition(acquisition.Level, site, state);
            return state.Acquire(acquisition.Level, acquisition.Shared, site);
        }
    }
}
