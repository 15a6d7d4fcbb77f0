using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Export
{
    /// <summary>
    /// The lock dependency graph of one compilation as the whole-program analysis built it, handed to
    /// tools (the <c>locklevels</c> command line) through <see cref="WholeProgramAnalyzer"/>'s observer.
    /// Immutable; nodes and edges are sorted so every run gives the same graph.
    /// </summary>
    public sealed class LockGraph
    {
        public LockGraph(
            ImmutableArray<LockGraphNode> nodes,
            ImmutableArray<LockGraphOrder> declaredOrder,
            ImmutableArray<LockGraphEdge> edges,
            ImmutableArray<LockGraphCycle> cycles,
            ImmutableArray<LockGraphDeepContext> deepContexts)
        {
            Nodes = nodes;
            DeclaredOrder = declaredOrder;
            Edges = edges;
            Cycles = cycles;
            DeepContexts = deepContexts;
        }

        /// <summary>Every declared level and every lock class that an acquisition was seen on.</summary>
        public ImmutableArray<LockGraphNode> Nodes { get; }

        /// <summary>Consecutive levels of each <c>[assembly: LockHierarchy]</c> chain: Outer is declared before Inner.</summary>
        public ImmutableArray<LockGraphOrder> DeclaredOrder { get; }

        /// <summary>Observed dependencies: Acquired was taken while Held was held, with the first witness.</summary>
        public ImmutableArray<LockGraphEdge> Edges { get; }

        /// <summary>The cycles that were reported (LL0004, LL0100), each with its diagnostic.</summary>
        public ImmutableArray<LockGraphCycle> Cycles { get; }

        /// <summary>Members marked <c>[CalledWithLocksHeld]</c> and the levels they run with.</summary>
        public ImmutableArray<LockGraphDeepContext> DeepContexts { get; }
    }

    /// <summary>A declared level (<see cref="IsInferred"/> false) or a lock class inferred for unannotated locks.</summary>
    public sealed class LockGraphNode
    {
        public LockGraphNode(string name, bool isInferred)
        {
            Name = name;
            IsInferred = isInferred;
        }

        public string Name { get; }

        public bool IsInferred { get; }
    }

    /// <summary>One step of a declared hierarchy: <see cref="Outer"/> is acquired before <see cref="Inner"/>.</summary>
    public sealed class LockGraphOrder
    {
        public LockGraphOrder(string outer, string inner)
        {
            Outer = outer;
            Inner = inner;
        }

        public string Outer { get; }

        public string Inner { get; }
    }

    /// <summary>
    /// Held → Acquired. <see cref="Chain"/> is the witness, outermost frame first: the method where Held
    /// is held and the site there (an acquisition, or a call), then each call down to the acquisition
    /// of Acquired; a direct acquisition has one hop.
    /// </summary>
    public sealed class LockGraphEdge
    {
        public LockGraphEdge(string held, string acquired, ImmutableArray<LockGraphHop> chain)
        {
            Held = held;
            Acquired = acquired;
            Chain = chain;
        }

        public string Held { get; }

        public string Acquired { get; }

        public ImmutableArray<LockGraphHop> Chain { get; }
    }

    /// <summary>One frame of a witness: the method (e.g. <c>Cache.WritePages</c>), what happens there
    /// (<c>SuperBlock.StartWrite</c>, <c>lock (_sync)</c>) and where.</summary>
    public sealed class LockGraphHop
    {
        public LockGraphHop(string method, string description, Location location)
        {
            Method = method;
            Description = description;
            Location = location;
        }

        public string Method { get; }

        public string Description { get; }

        public Location Location { get; }
    }

    /// <summary>A reported cycle: the diagnostic (LL0004 or LL0100) and its edges in order, the last back to the first.</summary>
    public sealed class LockGraphCycle
    {
        public LockGraphCycle(Diagnostic diagnostic, ImmutableArray<LockGraphEdge> edges)
        {
            Diagnostic = diagnostic;
            Edges = edges;
        }

        public Diagnostic Diagnostic { get; }

        public ImmutableArray<LockGraphEdge> Edges { get; }
    }

    /// <summary>A <c>[CalledWithLocksHeld]</c> member (e.g. <c>IAddressSpaceOperations.WritePages</c>) and its levels.</summary>
    public sealed class LockGraphDeepContext
    {
        public LockGraphDeepContext(string member, ImmutableArray<string> levels)
        {
            Member = member;
            Levels = levels;
        }

        public string Member { get; }

        public ImmutableArray<string> Levels { get; }
    }
}
