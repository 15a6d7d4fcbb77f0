using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Export;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>What the whole-program analysis found, for the compilation-end rules; immutable once built.</summary>
    internal sealed class ProgramFacts
    {
        private IReadOnlyList<Retaking>? _retakings;

        public ProgramFacts(List<BodyFacts> bodies, List<CallReach> reaches, LockDependencyGraph<EdgeWitness> graph, List<Cycle> cycles, HashSet<string> inferred,
            List<CallReach> retaken, CallDispatch? dispatch = null, HashSet<string>? retakenUnnamed = null)
        {
            RetakenUnnamed = retakenUnnamed ?? new HashSet<string>(System.StringComparer.Ordinal);
            Dispatch = dispatch;
            Retaken = retaken;
            Bodies = bodies;
            Reaches = reaches;
            Graph = graph;
            Cycles = cycles;
            Inferred = inferred;
        }

        /// <summary>Which bodies each recorded call reaches (null only in facts built without one).</summary>
        public CallDispatch? Dispatch { get; }

        /// <summary>Method bodies in source order.</summary>
        public IReadOnlyList<BodyFacts> Bodies { get; }

        /// <summary>Each call made with levels held and each level it reaches that is not held there, in source order.</summary>
        public IReadOnlyList<CallReach> Reaches { get; }

        /// <summary>Each call made with a level held (acquired in the caller) and the acquisition of that same level a callee it reaches makes, in source order.</summary>
        public IReadOnlyList<CallReach> Retaken { get; }

        /// <summary>
        /// The levels a call made with the level held reaches again on an object the caller cannot name (an element
        /// of a collection, a call's result): maybe another object, which <see cref="Retaken"/> does not show.
        /// </summary>
        public HashSet<string> RetakenUnnamed { get; }

        public LockDependencyGraph<EdgeWitness> Graph { get; }

        /// <summary>The graph's elementary cycles, deterministic in order.</summary>
        public IReadOnlyList<Cycle> Cycles { get; }

        /// <summary>The lock classes inferred for unannotated locks; every other node is a declared level.</summary>
        public HashSet<string> Inferred { get; }

        /// <summary>
        /// Every level taken while the same level is held (LL0009 reads those on one object, LL0010 those on
        /// two): made on first use, once for both, by the compilation-end action that runs the rules in turn.
        /// </summary>
        public IReadOnlyList<Retaking> Retakings => _retakings ??= Retaking.All(this);
    }

    /// <summary>A call made while levels are held, and one level a callee it reaches acquires.</summary>
    internal sealed class CallReach
    {
        /// <summary>Chains with more pieces than this are shortened in messages (every hop stays a location).</summary>
        public const int MaxShownPieces = 4;

        private string? _chain;
        private string? _shortChain;
        private ImmutableArray<Location> _hops;

        public CallReach(Call call, IMethodSymbol target, SummarySolver<IMethodSymbol, SummarySite>.Acquisition acquisition)
        {
            Call = call;
            Target = target;
            Acquisition = acquisition;
        }

        public Call Call { get; }

        /// <summary>The body the call reaches (the callee, or an override or implementation of it).</summary>
        public IMethodSymbol Target { get; }

        public SummarySolver<IMethodSymbol, SummarySite>.Acquisition Acquisition { get; }

        public string Level => Acquisition.Level;

        /// <summary>"IssueWrite → SetXattr → SuperBlock.StartWrite (SbWriters)".</summary>
        public string Chain
        {
            get
            {
                Build();
                return _chain!;
            }
        }

        /// <summary>The chain as messages show it: "A.Close → … 9 calls … → B.Flush → lock (B._sync)" when long.</summary>
        public string ShortChain
        {
            get
            {
                Build();
                return _shortChain!;
            }
        }

        public bool IsShortened
        {
            get
            {
                Build();
                return !ReferenceEquals(_chain, _shortChain);
            }
        }

        /// <summary>The site of each step of the chain that is in source.</summary>
        public ImmutableArray<Location> Hops
        {
            get
            {
                Build();
                return _hops;
            }
        }

        /// <summary>
        /// The object the acquisition at the end of the chain takes, as the caller names it: the callee's
        /// "this" is each call's receiver in turn; null when some step loses track of it.
        /// </summary>
        public LockObject? AcquiredObject()
        {
            var steps = new List<SummarySolver<IMethodSymbol, SummarySite>.Acquisition>(Acquisition.Chain());
            var acquired = steps[steps.Count - 1].Site.Object;
            for (int i = steps.Count - 2; i >= 0 && acquired != null; i--)
            {
                acquired = acquired.SeenThrough(steps[i].Site.Call?.ReceiverPath);
            }

            return acquired?.SeenThrough(Call.ReceiverPath);
        }

        /// <summary>Whether the acquisition at the end of the chain is an upgradeable read lock.</summary>
        public bool AcquiresUpgradeable
        {
            get
            {
                var last = Acquisition;
                while (last.Via != null)
                {
                    last = last.Via;
                }

                return last.Site.Upgradeable;
            }
        }

        /// <summary>The long-term claim properties of the acquisition at the end of the chain.</summary>
        public ImmutableDictionary<string, string?> Claim
        {
            get
            {
                var last = Acquisition;
                while (last.Via != null)
                {
                    last = last.Via;
                }

                return last.Site.Claim ?? ImmutableDictionary<string, string?>.Empty;
            }
        }

        /// <summary>The chain as frames: the method of each step, what happens there, and where.</summary>
        public ImmutableArray<LockGraphHop> Frames()
        {
            var frames = ImmutableArray.CreateBuilder<LockGraphHop>();
            var method = Target;
            foreach (var step in Acquisition.Chain())
            {
                frames.Add(new LockGraphHop(Names.Method(method), StepText(step), step.Site.Location));
                if (step.Callee != null)
                {
                    method = step.Callee;
                }
            }

            return frames.ToImmutable();
        }

        private void Build()
        {
            if (_chain != null)
            {
                return;
            }

            var pieces = new List<string> { Names.Method(Target) };
            var locations = ImmutableArray.CreateBuilder<Location>();
            foreach (var step in Acquisition.Chain())
            {
                pieces.Add(StepText(step));
                if (step.Site.Location.IsInSource)
                {
                    locations.Add(step.Site.Location);
                }
            }

            _hops = locations.ToImmutable();
            _chain = string.Join(" → ", pieces);
            _shortChain = pieces.Count <= MaxShownPieces
                ? _chain
                : pieces[0] + " → … " + (pieces.Count - 3) + " calls … → " + pieces[pieces.Count - 2] + " → " + pieces[pieces.Count - 1];
        }

        private static string StepText(SummarySolver<IMethodSymbol, SummarySite>.Acquisition step)
        {
            bool namesLevel = step.Site.Description.IndexOf(step.Level, System.StringComparison.Ordinal) >= 0;
            return step.Via == null && !namesLevel ? step.Site.Description + " (" + step.Level + ")" : step.Site.Description;
        }
    }

    /// <summary>The first way an edge held → acquired was seen: an acquisition, or a call that reaches one.</summary>
    internal sealed class EdgeWitness
    {
        private readonly Acquisition? _acquisition;
        private readonly CallReach? _reach;

        private EdgeWitness(IMethodSymbol method, Acquisition? acquisition, CallReach? reach)
        {
            Method = method;
            _acquisition = acquisition;
            _reach = reach;
        }

        public static EdgeWitness Direct(IMethodSymbol method, Acquisition acquisition) => new EdgeWitness(method, acquisition, null);

        public static EdgeWitness ThroughCall(IMethodSymbol method, CallReach reach) => new EdgeWitness(method, null, reach);

        /// <summary>The method in which the held level is held.</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The acquisition, or the call that leads to it.</summary>
        public Location Location => _acquisition?.Location ?? _reach!.Call.Location;

        /// <summary>"lock (Cache._sync)", or the call chain down to the acquisition, shortened when long.</summary>
        public string ShortChain => _acquisition?.Description ?? _reach!.ShortChain;

        public bool IsShortened => _reach != null && _reach.IsShortened;

        /// <summary>The sites of the chain's hops (none for a direct acquisition).</summary>
        public ImmutableArray<Location> Hops => _reach == null ? ImmutableArray<Location>.Empty : _reach.Hops;

        /// <summary>Outermost frame first: the site in <see cref="Method"/>, then each frame down to the acquisition.</summary>
        public ImmutableArray<LockGraphHop> Frames()
        {
            var first = new LockGraphHop(Names.Method(Method), _acquisition?.Description ?? Names.Method(_reach!.Target), Location);
            return _reach == null ? ImmutableArray.Create(first) : ImmutableArray.Create(first).AddRange(_reach.Frames());
        }
    }

    /// <summary>An elementary cycle of the graph, and whether all its levels are inferred lock classes.</summary>
    internal sealed class Cycle
    {
        public Cycle(IReadOnlyList<LockDependencyGraph<EdgeWitness>.Edge> edges, bool allInferred)
        {
            Edges = edges;
            AllInferred = allInferred;
        }

        public IReadOnlyList<LockDependencyGraph<EdgeWitness>.Edge> Edges { get; }

        public bool AllInferred { get; }
    }
}
