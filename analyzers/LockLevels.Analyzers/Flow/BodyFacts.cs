using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// What the held-lock flow learned about one body (a method, accessor, constructor, lambda, local
    /// function or initializer): neutral facts, no verdicts. Rules read them to report; the whole-program
    /// analysis reads those of method bodies (<see cref="Method"/> set) for summaries and the graph.
    /// </summary>
    internal sealed class BodyFacts
    {
        public BodyFacts(IMethodSymbol? method, Location location, DeepContext? context)
        {
            Method = method;
            Location = location;
            Context = context;
        }

        /// <summary>The body's method, normalized; null for a field or property initializer.</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>Where the body is: sorts bodies so whole-compilation results do not depend on thread timing.</summary>
        public Location Location { get; }

        /// <summary>The levels the body runs with because it is (or implements) a [CalledWithLocksHeld] member.</summary>
        public DeepContext? Context { get; }

        /// <summary>Every acquisition that waits (try-locks are held but not listed), and every [MightAcquire] call.</summary>
        public List<Acquisition> Acquisitions { get; } = new();

        /// <summary>Releases of a level not held on any path to them.</summary>
        public List<Release> UnheldReleases { get; } = new();

        /// <summary>
        /// The levels of the releases that give back the caller's hold, in the order of the code: those not held
        /// on any path to them, and those held only where the body took its caller's hold again.
        /// </summary>
        public List<string> HandedBack { get; } = new();

        /// <summary>Acquisitions made in this body whose level is still held where the body ends.</summary>
        public List<HeldAtExit> HeldAtExit { get; } = new();

        /// <summary>Calls worth following (into source or annotated), each with the levels held at it.</summary>
        public List<Call> Calls { get; } = new();

        /// <summary>Invocations of deep-context members, with the levels held at them.</summary>
        public List<DeepContextCall> DeepContextCalls { get; } = new();

        /// <summary>Handlers this body subscribes to events, for raising an event to reach them.</summary>
        public List<(IEventSymbol Event, IMethodSymbol Handler)> Subscriptions { get; } = new();

        /// <summary>Types this body can create: <c>new</c>, <c>typeof</c>, generic arguments (original definitions).</summary>
        public List<ITypeSymbol> CreatedTypes { get; } = new();

        /// <summary>Delegates this body keeps in a field or property (or a collection held in one), by storage.</summary>
        public List<(ISymbol Storage, IMethodSymbol Target)> DelegateStores { get; } = new();

        /// <summary>Delegate-typed parameters this body keeps in a field or property: their arguments are stored there.</summary>
        public List<(IParameterSymbol Parameter, ISymbol Storage)> ParameterStores { get; } = new();

        /// <summary>Lambdas and method groups this body passes as delegate arguments, by parameter.</summary>
        public List<(IParameterSymbol Parameter, IMethodSymbol Target)> DelegateArguments { get; } = new();

        /// <summary>Methods this body turns into delegates: they may run from anywhere, with anything held.</summary>
        public List<IMethodSymbol> DelegateTargets { get; } = new();

        /// <summary>Those of <see cref="DelegateTargets"/> whose delegate is made right into a field or property (<c>x.Check = Check</c>), with it.</summary>
        public List<(IMethodSymbol Target, ISymbol Storage)> DelegatesMadeIntoStorage { get; } = new();

        /// <summary>Every await of the body, in source order, with the locks it may hold there.</summary>
        public List<AwaitPoint> Awaits { get; } = new();

        /// <summary>
        /// For an inferred wrapper (an unannotated private or internal method or a local function): what it
        /// holds or gives back on every normal path, which its callers see as acquired or released
        /// (<see cref="WrapperEffects"/>); null for any other body.
        /// </summary>
        public WrapperEffect? Effect { get; set; }
    }

    /// <summary>A level held just before an acquisition, and where it came from.</summary>
    internal readonly struct HeldBefore
    {
        public HeldBefore(string level, bool fromContext, int order, Location? site)
        {
            Level = level;
            FromContext = fromContext;
            Order = order;
            Site = site;
        }

        public string Level { get; }

        /// <summary>Held because the body is a deep context, not acquired in it.</summary>
        public bool FromContext { get; }

        /// <summary>For an acquired level: the order its acquisition site was first met in the body.</summary>
        public int Order { get; }

        /// <summary>For an acquired level: where it was acquired.</summary>
        public Location? Site { get; }
    }

    /// <summary>One acquisition in a body, with the levels held just before it.</summary>
    internal sealed class Acquisition
    {
        public Acquisition(string level, bool shared, bool mightOnly, Location location, string description, ImmutableArray<string> held,
            ImmutableArray<HeldBefore> heldBefore, ImmutableDictionary<string, string?> claim, bool inferred, bool onOwnObject,
            LockObject? lockObject = null, bool upgradeable = false, ImmutableArray<HeldSite> heldSameLevel = default, (int Ordinal, bool Value)? guard = null, bool afterOwnRelease = false)
        {
            AfterOwnRelease = afterOwnRelease;
            Guard = guard;
            OnOwnObject = onOwnObject;
            Object = lockObject;
            Upgradeable = upgradeable;
            HeldSameLevel = heldSameLevel.IsDefault ? ImmutableArray<HeldSite>.Empty : heldSameLevel;
            Level = level;
            Shared = shared;
            MightOnly = mightOnly;
            Location = location;
            Description = description;
            Held = held;
            HeldBefore = heldBefore;
            Claim = claim;
            Inferred = inferred;
        }

        public string Level { get; }

        public bool Shared { get; }

        /// <summary>A [MightAcquire] call: it counts for ordering but leaves nothing held.</summary>
        public bool MightOnly { get; }

        public Location Location { get; }

        /// <summary>What acquires it, for chains: "SuperBlock.StartWrite", "lock (AddressSpace.FolioLock)".</summary>
        public string Description { get; }

        /// <summary>Levels that may be held just before, context levels first, then in acquisition order.</summary>
        public ImmutableArray<string> Held { get; }

        /// <summary>The same levels with where each came from.</summary>
        public ImmutableArray<HeldBefore> HeldBefore { get; }

        /// <summary>The level is already held: re-entry, which cannot wait on an inner level's holder.</summary>
        public bool IsReentry
        {
            get
            {
                foreach (var held in HeldBefore)
                {
                    if (held.Level == Level)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Whether the long-term claim fix can replace this acquisition (<see cref="ClaimProperties"/>).</summary>
        public ImmutableDictionary<string, string?> Claim { get; }

        /// <summary>The level is a lock class inferred for an unannotated lock.</summary>
        public bool Inferred { get; }

        /// <summary>The lock is the body's own object or one of its fields (<c>lock (this)</c>, <c>lock (_sync)</c>).</summary>
        public bool OnOwnObject { get; }

        /// <summary>The bool parameter (ordinal, value) the acquisition happens only with (<see cref="FlagGuards"/>); null for none.</summary>
        public (int Ordinal, bool Value)? Guard { get; }

        /// <summary>The body gave the level back to its caller before, and does not hold it here: taking it restores the caller's hold, no retaking.</summary>
        public bool AfterOwnRelease { get; }

        /// <summary>The object taken, when known, and how it behaves when taken again.</summary>
        public LockObject? Object { get; }

        public bool Upgradeable { get; }

        /// <summary>The acquisitions of the same level that may be held just before this one (on this object or others).</summary>
        public ImmutableArray<HeldSite> HeldSameLevel { get; }
    }

    /// <summary>A release of a level that is not held on any path to it.</summary>
    internal sealed class Release
    {
        public Release(string level, Location location, bool inferred, bool isDisposal, LockObject? lockObject = null)
        {
            Object = lockObject;
            Level = level;
            Location = location;
            Inferred = inferred;
            IsDisposal = isDisposal;
        }

        public string Level { get; }

        public Location Location { get; }

        public bool Inferred { get; }

        /// <summary>Made by disposing the scope an acquisition returned.</summary>
        public bool IsDisposal { get; }

        /// <summary>The object released, when known.</summary>
        public LockObject? Object { get; }
    }

    /// <summary>An acquisition of this body still held at its end.</summary>
    internal sealed class HeldAtExit
    {
        public HeldAtExit(string level, Location location, bool escapes, bool inferred, bool unlowered,
            LockPrimitive primitive = LockPrimitive.Unknown, IMethodSymbol? acquirer = null, string description = "")
        {
            Primitive = primitive;
            Acquirer = acquirer;
            Description = description;
            Level = level;
            Location = location;
            Escapes = escapes;
            Inferred = inferred;
            Unlowered = unlowered;
        }

        public string Level { get; }

        public Location Location { get; }

        /// <summary>The scope the acquisition returned leaves the method: its owner, not this method, releases it.</summary>
        public bool Escapes { get; }

        public bool Inferred { get; }

        /// <summary>A lock statement the graph left unlowered, released where its body ends (a return inside skips that).</summary>
        public bool Unlowered { get; }

        /// <summary>What took it; for an [Acquires] call, <see cref="Acquirer"/> is the method whose body says.</summary>
        public LockPrimitive Primitive { get; }

        public IMethodSymbol? Acquirer { get; }

        /// <summary>What took it: "lock (C._sync)", "Gate.Enter".</summary>
        public string Description { get; }
    }

    /// <summary>A call of a deep-context member and the levels held at it.</summary>
    internal sealed class DeepContextCall
    {
        public DeepContextCall(IMethodSymbol callee, DeepContext required, Location location, ImmutableArray<string> held)
        {
            Callee = callee;
            Required = required;
            Location = location;
            Held = held;
        }

        public IMethodSymbol Callee { get; }

        public DeepContext Required { get; }

        public Location Location { get; }

        public ImmutableArray<string> Held { get; }
    }

    internal sealed class Call
    {
        private Location? _location;

        public Call(IMethodSymbol callee, SyntaxNode syntax, ImmutableArray<string> held, bool isExact, ITypeSymbol? receiver,
            ReceiverKind receiverKind = ReceiverKind.Other, ISymbol? delegateSource = null, string? receiverPath = null, ImmutableArray<HeldSite> heldSites = default,
            FlagArguments flags = default, (int Ordinal, bool Value)? guard = null, ImmutableArray<string> releasedBefore = default)
        {
            ReleasedBefore = releasedBefore.IsDefault ? ImmutableArray<string>.Empty : releasedBefore;
            Guard = guard;
            Flags = flags;
            ReceiverKind = receiverKind;
            ReceiverPath = receiverPath;
            HeldSites = heldSites.IsDefault ? ImmutableArray<HeldSite>.Empty : heldSites;
            DelegateSource = delegateSource;
            Callee = callee;
            Syntax = syntax;
            Held = held;
            IsExact = isExact;
            Receiver = receiver;
        }

        /// <summary>A call that reaches exactly the callee's body: not virtual, or through <c>base</c>, or a constructor.</summary>
        public bool IsExact { get; }

        /// <summary>For a delegate invoked from a field or property (or an element of a collection kept there): that storage.</summary>
        public ISymbol? DelegateSource { get; }

        /// <summary>For a virtual or interface call: the static type of the receiver, which limits the overrides it can reach.</summary>
        public ITypeSymbol? Receiver { get; }

        /// <summary>Which object the callee runs on: this one, a fresh one, or another.</summary>
        public ReceiverKind ReceiverKind { get; }

        /// <summary>The constant bool arguments, for acquisitions the callee guards by a flag parameter.</summary>
        public FlagArguments Flags { get; }

        /// <summary>The caller's bool parameter (ordinal, value) the call is made only with (<see cref="FlagGuards"/>); null for none.</summary>
        public (int Ordinal, bool Value)? Guard { get; }

        /// <summary>Levels the body released (holds of its caller's) before the call: the callee's taking them is no retaking.</summary>
        public ImmutableArray<string> ReleasedBefore { get; }

        /// <summary>The method named at the call (normalized); virtual calls reach its implementations too.</summary>
        public IMethodSymbol Callee { get; }

        public SyntaxNode Syntax { get; }

        /// <summary>Made only for the calls a summary or a diagnostic needs, not for every call recorded.</summary>
        public Location Location => _location ??= Syntax.GetLocation();

        /// <summary>Levels that may be held at the call, context levels first.</summary>
        public ImmutableArray<string> Held { get; }

        /// <summary>The object the callee's "this" is, as the caller names it (<see cref="ObjectPaths"/>); null when unknown.</summary>
        public string? ReceiverPath { get; }

        /// <summary>The acquisitions of this body that may be held at the call, with their objects.</summary>
        public ImmutableArray<HeldSite> HeldSites { get; }
    }
}
