using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Model
{
    /// <summary>
    /// Transitive lock summaries over a call graph: the levels each method may acquire, directly or
    /// through its callees, each with one witness (a direct acquisition or the call it came through).
    /// Strongly connected components are solved callees-first, so recursion terminates and every
    /// witness chain is finite. Each witness is a shortest chain (fewest calls; among those that do not
    /// give the caller's hold back first, when there are any), and a level added as
    /// bounded is not carried up more than <c>maxBoundedCalls</c> calls, nor through a call on a fresh
    /// object when it is a lock of that object (<see cref="ReceiverKind.Fresh"/>).
    /// </summary>
    /// <typeparam name="TMethod">A method key (plain C#: the model never sees Roslyn symbols).</typeparam>
    /// <typeparam name="TSite">What a witness points at: an acquisition or a call site.</typeparam>
    public sealed class SummarySolver<TMethod, TSite>
        where TMethod : notnull
    {
        private readonly Dictionary<TMethod, Node> _nodes;
        private readonly int _maxBoundedCalls;

        /// <param name="comparer">Method equality.</param>
        /// <param name="maxBoundedCalls">
        /// The most calls a chain from a caller's body down to a bounded level may have: a summary keeps
        /// such a level only as deep as one call fewer, since the caller's call is one more.
        /// </param>
        public SummarySolver(IEqualityComparer<TMethod> comparer, int maxBoundedCalls = int.MaxValue)
        {
            _nodes = new Dictionary<TMethod, Node>(comparer);
            _maxBoundedCalls = maxBoundedCalls;
        }

        /// <summary>
        /// Adds a level the method acquires itself: a bounded one is carried up a limited number of calls;
        /// <paramref name="onOwnObject"/> when it is a lock of the object the method runs on.
        /// </summary>
        /// <param name="guard">The bool parameter (ordinal, value) the acquisition happens only with; null for none.</param>
        /// <param name="afterOwnRelease">The method released the level (its caller's) before taking it again.</param>
        /// <param name="root">What the name of the object taken starts from in the method.</param>
        public void AddDirect(TMethod method, string level, bool shared, TSite site, bool bounded = false, bool onOwnObject = false, (int Ordinal, bool Value)? guard = null,
            bool afterOwnRelease = false, ObjectRoot root = ObjectRoot.This)
        {
            var node = GetOrAdd(method);
            var retake = afterOwnRelease ? RetakePaths.None : RetakePaths.Direct(root, guard ?? Unguarded);
            node.Direct.Add(new Acquisition(level, shared, site, default, null, bounded, onOwnObject, guard ?? Unguarded, afterOwnRelease, retake));
        }

        /// <summary>No parameter guards the acquisition.</summary>
        public static readonly (int Ordinal, bool Value) Unguarded = (-1, false);

        /// <summary>Adds a call from <paramref name="caller"/> to <paramref name="callee"/> at <paramref name="site"/>, on <paramref name="receiver"/>.</summary>
        /// <param name="guard">The caller's bool parameter (ordinal, value) the call is made only with; null for none.</param>
        /// <param name="releasedBefore">Levels the caller gave back (its own caller's hold) before the call.</param>
        /// <param name="receiverRoot">What the caller's name of the receiver starts from; by default it names everything the callee does.</param>
        public void AddCall(TMethod caller, TMethod callee, TSite site, ReceiverKind receiver = ReceiverKind.Other, FlagArguments flags = default, (int Ordinal, bool Value)? guard = null,
            IReadOnlyList<string>? releasedBefore = null, ReceiverRoot receiverRoot = ReceiverRoot.Captured)
        {
            GetOrAdd(caller).Calls.Add(new CallEdge(callee, site, receiver, flags, guard ?? Unguarded, releasedBefore ?? Array.Empty<string>(), receiverRoot));
            GetOrAdd(callee);
        }

        /// <summary>Makes room for <paramref name="count"/> more calls of <paramref name="caller"/>: a body's calls are added at once.</summary>
        public void ExpectCalls(TMethod caller, int count)
        {
            if (count == 0)
            {
                return;
            }

            var calls = GetOrAdd(caller).Calls;
            if (calls.Capacity < calls.Count + count)
            {
                calls.Capacity = calls.Count + count;
            }
        }

        /// <summary>
        /// Whether a callee's acquisition counts at a call on <paramref name="receiver"/> with <paramref name="flags"/>:
        /// a bounded lock of a fresh object cannot be waited on, since no other thread can hold it yet; an
        /// acquisition guarded by a bool parameter does not happen when the call passes the other value.
        /// </summary>
        public static bool Counts(Acquisition acquired, ReceiverKind receiver, FlagArguments flags)
            => !(receiver == ReceiverKind.Fresh && acquired.OnOwnObject && acquired.Bounded)
                && !flags.Contradicts(acquired.Guard.Ordinal, acquired.Guard.Value);

        /// <summary>
        /// Whether a callee's acquisition, at a call on <paramref name="receiver"/> (named from <paramref name="receiverRoot"/>)
        /// with <paramref name="flags"/> made with the level held, may take it again: as <see cref="Counts"/>, on the paths
        /// that do not give the caller's hold back first and take an object the caller can name (<see cref="RetakePaths"/>).
        /// </summary>
        public static bool Retakes(Acquisition acquired, ReceiverKind receiver, ReceiverRoot receiverRoot, FlagArguments flags)
        {
            if ((receiver == ReceiverKind.Fresh && acquired.OnOwnObject && acquired.Bounded) || !acquired.Retake.Any(receiverRoot))
            {
                return false;
            }

            var guard = acquired.Retake.Guard(receiverRoot);
            return !flags.Contradicts(guard.Ordinal, guard.Value);
        }

        /// <summary>The levels the method may acquire, in the order they were first found; empty for unknown methods.</summary>
        public IReadOnlyList<Acquisition> SummaryOf(TMethod method)
            => _nodes.TryGetValue(method, out var node) ? node.Summary : Array.Empty<Acquisition>();

        /// <summary>Computes every summary; call once after all methods and calls are added.</summary>
        public void Solve()
        {
            var nodes = new List<Node>(_nodes.Values);
            var numbers = new Dictionary<Node, int>(nodes.Count);
            for (int i = 0; i < nodes.Count; i++)
            {
                numbers.Add(nodes[i], i);
            }

            var successors = new List<IReadOnlyList<int>>(nodes.Count);
            foreach (var node in nodes)
            {
                var callees = new List<int>(node.Calls.Count);
                foreach (var call in node.Calls)
                {
                    callees.Add(numbers[_nodes[call.Callee]]);
                }

                successors.Add(callees);
            }

            foreach (var members in StronglyConnected.Components(successors))
            {
                var component = new List<Node>(members.Count);
                foreach (var member in members)
                {
                    component.Add(nodes[member]);
                }

                SolveComponent(component);
            }
        }

        private void SolveComponent(List<Node> component)
        {
            foreach (var node in component)
            {
                foreach (var direct in node.Direct)
                {
                    node.Add(direct);
                }
            }

            // Levels spread inside the component until nothing changes. A witness is replaced only by a
            // strictly shorter one made from a callee's existing witness (or, once, by the first that does not
            // follow a hand-back), so depths only fall (the loop ends) and every chain is made of earlier
            // witnesses (chains never loop).
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var node in component)
                {
                    foreach (var call in node.Calls)
                    {
                        var callee = _nodes[call.Callee];
                        for (int i = 0; i < callee.Summary.Count; i++)
                        {
                            var acquired = callee.Summary[i];
                            if ((acquired.Bounded && acquired.Calls + 1 >= _maxBoundedCalls) || !Counts(acquired, call.Receiver, call.Flags))
                            {
                                continue;
                            }

                            var (onOwnObject, onOwner, ownOrBelow) = ObjectThrough(call.Receiver, acquired);
                            bool handedBack = Contains(call.ReleasedBefore, acquired.Level);
                            var retake = handedBack ? RetakePaths.None : acquired.Retake.Through(call.ReceiverRoot, call.Flags, call.Guard);
                            changed |= node.Add(new Acquisition(acquired.Level, acquired.Shared, call.Site, call.Callee, acquired, acquired.Bounded, onOwnObject,
                                call.Flags.CallerGuard(call.Guard, acquired.Guard), acquired.AfterOwnRelease || handedBack, retake, onOwner, ownOrBelow));
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Whose lock a callee's acquisition is to the caller: a callee's own object is the caller's through a
        /// call on <c>this</c>, its owner's through a call on the owner; a callee's owner is the caller's own
        /// object through a call on a helper the caller made. A callee's own object, or one below it, is below
        /// the caller's through a call on an object the caller's was made with (its owner is one).
        /// </summary>
        private static (bool OnOwnObject, bool OnOwner, bool OwnOrBelow) ObjectThrough(ReceiverKind receiver, Acquisition acquired)
            => receiver switch
            {
                ReceiverKind.This => (acquired.OnOwnObject, acquired.OnOwner, acquired.OwnOrBelow),
                ReceiverKind.Owner => (false, acquired.OnOwnObject, acquired.OwnOrBelow),
                ReceiverKind.Helper => (acquired.OnOwner, false, false),
                ReceiverKind.Part => (false, false, acquired.OwnOrBelow),
                _ => (false, false, false),
            };

        private Node GetOrAdd(TMethod method)
        {
            if (!_nodes.TryGetValue(method, out var node))
            {
                node = new Node();
                _nodes.Add(method, node);
            }

            return node;
        }

        /// <summary>
        /// One level in a summary. <see cref="Site"/> is the acquisition (when <see cref="Via"/> is null)
        /// or the call it came through, to <see cref="Callee"/>, whose own acquisition is <see cref="Via"/>.
        /// </summary>
        public sealed class Acquisition
        {
            public Acquisition(string level, bool shared, TSite site, TMethod? callee, Acquisition? via, bool bounded, bool onOwnObject, (int Ordinal, bool Value) guard,
                bool afterOwnRelease, RetakePaths retake, bool onOwner = false, bool? ownOrBelow = null)
            {
                OwnOrBelow = ownOrBelow ?? onOwnObject;
                OnOwner = onOwner;
                AfterOwnRelease = afterOwnRelease;
                Retake = retake;
                Guard = guard;
                OnOwnObject = onOwnObject;
                Level = level;
                Shared = shared;
                Site = site;
                Callee = callee;
                Via = via;
                Bounded = bounded;
                Calls = via == null ? 0 : via.Calls + 1;
            }

            public string Level { get; }

            public bool Shared { get; }

            public TSite Site { get; }

            public TMethod? Callee { get; }

            public Acquisition? Via { get; }

            /// <summary>Calls between the summarised method's body and the acquisition: 0 when it is in that body.</summary>
            public int Calls { get; }

            /// <summary>Carried up only a limited number of calls (an inferred lock class).</summary>
            public bool Bounded { get; }

            /// <summary>A lock of the object the summarised method runs on (its own fields, or itself).</summary>
            public bool OnOwnObject { get; }

            /// <summary>
            /// A lock of the object that made the summarised method's object and that it points back at
            /// (<see cref="ReceiverKind.Owner"/>), on every path found.
            /// </summary>
            public bool OnOwner { get; }

            /// <summary>
            /// A lock of the summarised method's own object or of one below it, reached from it only through objects
            /// each made with the next (<see cref="ReceiverKind.Part"/>, <see cref="ReceiverKind.Owner"/>), on every path found.
            /// </summary>
            public bool OwnOrBelow { get; }

            /// <summary>The bool parameter of the summarised method (ordinal, value) the acquisition needs, on every path found; ordinal -1 for none.</summary>
            public (int Ordinal, bool Value) Guard { get; }

            /// <summary>On every path found, the level is taken only after the method gave back its caller's hold of it.</summary>
            public bool AfterOwnRelease { get; }

            /// <summary>
            /// The paths that may take the level again: those that do not give the caller's hold back first, by the
            /// object they take, each group with the guard all of it needs. An acquisition after a hand-back on one
            /// path and under <c>if (!lockHeld)</c> on another retakes nothing at a call passing <c>lockHeld: true</c>,
            /// though it orders on both (<see cref="Guard"/> is the one of every path).
            /// </summary>
            public RetakePaths Retake { get; }

            /// <summary>The calls from here down to the acquisition, and the acquisition last.</summary>
            public IEnumerable<Acquisition> Chain()
            {
                for (var current = this; current != null; current = current.Via)
                {
                    yield return current;
                }
            }
        }

        /// <summary>A call in a method's body: to whom, where, on which object, with which constant flags, under which flag.</summary>
        private readonly struct CallEdge
        {
            public CallEdge(TMethod callee, TSite site, ReceiverKind receiver, FlagArguments flags, (int Ordinal, bool Value) guard, IReadOnlyList<string> releasedBefore,
                ReceiverRoot receiverRoot)
            {
                ReceiverRoot = receiverRoot;
                ReleasedBefore = releasedBefore;
                Callee = callee;
                Site = site;
                Receiver = receiver;
                Flags = flags;
                Guard = guard;
            }

            public TMethod Callee { get; }

            public TSite Site { get; }

            public ReceiverKind Receiver { get; }

            public FlagArguments Flags { get; }

            public (int Ordinal, bool Value) Guard { get; }

            public IReadOnlyList<string> ReleasedBefore { get; }

            public ReceiverRoot ReceiverRoot { get; }
        }

        private static bool Contains(IReadOnlyList<string> levels, string level)
        {
            for (int i = 0; i < levels.Count; i++)
            {
                if (levels[i] == level)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Node
        {
            private readonly Dictionary<string, int> _levels = new(StringComparer.Ordinal);

            public List<Acquisition> Direct { get; } = new();

            public List<CallEdge> Calls { get; } = new();

            public List<Acquisition> Summary { get; } = new();

            /// <summary>
            /// Adds a level not yet in the summary, or a shorter witness for one that is. A level is a lock
            /// of the method's own object, of its owner or below it, or guarded by a parameter, only if it is so on every path found.
            /// </summary>
            public bool Add(Acquisition acquisition)
            {
                if (_levels.TryGetValue(acquisition.Level, out int index))
                {
                    var existing = Summary[index];
                    bool onOwnObject = existing.OnOwnObject && acquisition.OnOwnObject;
                    bool onOwner = existing.OnOwner && acquisition.OnOwner;
                    bool ownOrBelow = existing.OwnOrBelow && acquisition.OwnOrBelow;
                    bool afterOwnRelease = existing.AfterOwnRelease && acquisition.AfterOwnRelease;
                    var guard = existing.Guard.Equals(acquisition.Guard) ? existing.Guard : Unguarded;

                    var retake = existing.Retake.Join(acquisition.Retake);
                    // A retaking is shown through a path that can retake: one after a hand-back is the witness only
                    // while every path found is one.
                    bool better = acquisition.AfterOwnRelease != existing.AfterOwnRelease ? !acquisition.AfterOwnRelease : acquisition.Calls < existing.Calls;
                    if (!better && onOwnObject == existing.OnOwnObject && onOwner == existing.OnOwner && ownOrBelow == existing.OwnOrBelow && afterOwnRelease == existing.AfterOwnRelease
                        && guard.Equals(existing.Guard) && retake.Equals(existing.Retake))
                    {
                        return false;
                    }

                    var witness = better ? acquisition : existing;
                    Summary[index] = witness.OnOwnObject == onOwnObject && witness.OnOwner == onOwner && witness.OwnOrBelow == ownOrBelow && witness.AfterOwnRelease == afterOwnRelease
                        && witness.Guard.Equals(guard) && witness.Retake.Equals(retake)
                        ? witness
                        : new Acquisition(witness.Level, witness.Shared, witness.Site, witness.Callee, witness.Via, witness.Bounded, onOwnObject, guard, afterOwnRelease, retake, onOwner,
                            ownOrBelow);
                    return true;
                }

                _levels.Add(acquisition.Level, Summary.Count);
                Summary.Add(acquisition);
                return true;
            }
        }
    }
}
