using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// What one body (a method, lambda or local function) contributes to the whole-compilation
    /// analysis: the levels it acquires and the calls it makes, each with the levels held there.
    /// </summary>
    internal sealed class MethodRecord
    {
        public MethodRecord(IMethodSymbol method, Location location)
        {
            Method = method;
            Location = location;
        }

        public IMethodSymbol Method { get; }

        /// <summary>Where the body is: sorts records so whole-compilation results do not depend on thread timing.</summary>
        public Location Location { get; }

        public List<AcquisitionRecord> Acquisitions { get; } = new();

        public List<CallRecord> Calls { get; } = new();

        /// <summary>Handlers this body subscribes to events, for raising an event to reach them.</summary>
        public List<(IEventSymbol Event, IMethodSymbol Handler)> Subscriptions { get; } = new();

        /// <summary>One unannotated lock class taken on one object while held on another: half of a possible AB-BA.</summary>
        public List<InstancePair> InstancePairs { get; } = new();
    }

    internal sealed class InstancePair
    {
        public InstancePair(string lockClass, string first, string second, Location location, Location firstLocation)
        {
            LockClass = lockClass;
            First = first;
            Second = second;
            Location = location;
            FirstLocation = firstLocation;
        }

        public string LockClass { get; }

        /// <summary>The object whose lock was taken first ("from" in lock (from._sync) lock (to._sync)).</summary>
        public string First { get; }

        public string Second { get; }

        /// <summary>Where the second lock is taken.</summary>
        public Location Location { get; }

        public Location FirstLocation { get; }
    }

    internal sealed class AcquisitionRecord
    {
        public AcquisitionRecord(string level, bool shared, Location location, string description, ImmutableArray<string> held, ImmutableDictionary<string, string?> claim, bool inferred)
        {
            Inferred = inferred;
            Claim = claim;
            Level = level;
            Shared = shared;
            Location = location;
            Description = description;
            Held = held;
        }

        public string Level { get; }

        public bool Shared { get; }

        public Location Location { get; }

        /// <summary>What acquires it, for chains: "SuperBlock.StartWrite", "lock (AddressSpace.FolioLock)".</summary>
        public string Description { get; }

        /// <summary>Levels that may be held just before, context levels first.</summary>
        public ImmutableArray<string> Held { get; }

        /// <summary>The level is a lock class inferred for an unannotated lock.</summary>
        public bool Inferred { get; }

        /// <summary>Whether the long-term claim fix can replace this acquisition (<see cref="ClaimProperties"/>).</summary>
        public ImmutableDictionary<string, string?> Claim { get; }
    }

    internal sealed class CallRecord
    {
        private Location? _location;

        public CallRecord(IMethodSymbol callee, SyntaxNode syntax, ImmutableArray<string> held)
        {
            Callee = callee;
            Syntax = syntax;
            Held = held;
        }

        /// <summary>The method named at the call (normalized); virtual calls reach its implementations too.</summary>
        public IMethodSymbol Callee { get; }

        public SyntaxNode Syntax { get; }

        /// <summary>Made only for the calls a summary or a diagnostic needs, not for every call recorded.</summary>
        public Location Location => _location ??= Syntax.GetLocation();

        /// <summary>Levels that may be held at the call, context levels first.</summary>
        public ImmutableArray<string> Held { get; }
    }
}
