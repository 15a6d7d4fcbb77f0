using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// Turns every method body's facts into transitive summaries (callees first, over strongly
    /// connected components), then into the lock dependency graph: an edge held → acquired for each
    /// acquisition made, directly or down a call, while a level is held. The rules read the result.
    /// </summary>
    internal static class ProgramAnalysis
    {
        /// <param name="maxInferredChain">The most calls in a chain to an inferred lock class (<see cref="CompilationIndex.MaxChainLengthOption"/>).</param>
        public static ProgramFacts Run(CompilationIndex index, IEnumerable<BodyFacts> recorded, int maxInferredChain, CancellationToken cancellationToken)
        {
            var bodies = new List<BodyFacts>();
            var inferred = new HashSet<string>(System.StringComparer.Ordinal);
            var created = new List<ITypeSymbol>();
            var all = new List<BodyFacts>(recorded);
            foreach (var body in all)
            {
                created.AddRange(body.CreatedTypes);
                foreach (var acquisition in body.Acquisitions)
                {
                    if (acquisition.Inferred)
                    {
                        inferred.Add(acquisition.Level);
                    }
                }

                if (body.Method != null)
                {
                    bodies.Add(body);
                }
            }

            bodies.Sort((a, b) => Locations.Compare(a.Location, b.Location));

            var dispatch = new CallDispatch(index, bodies, all, new LiveTypes(created));
            var solver = Summaries.Solve(index, bodies, dispatch, maxInferredChain);
            var entryHeld = new EntryHeld(index, bodies, all, dispatch, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            var graph = new LockDependencyGraph<EdgeWitness>();

            // Direct acquisitions first: an edge's witness is then the acquisition itself where one
            // exists, not a longer chain through a call that reaches the same order.
            foreach (var body in bodies)
            {
                foreach (var acquisition in body.Acquisitions)
                {
                    if (entryHeld.Holds(body.Method!, acquisition.Level))
                    {
                        // Every caller holds it: taking it here is re-entry.
                        continue;
                    }

                    foreach (var held in acquisition.Held)
                    {
                        graph.AddEdge(held, acquisition.Level, EdgeWitness.Direct(body.Method!, acquisition));
                    }
                }
            }

            var reaches = new List<CallReach>();
            var shortest = new SortedDictionary<string, CallReach>(System.StringComparer.Ordinal);
            var retaken = new List<CallReach>();
            var retakenUnnamed = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var body in bodies)
            {
                foreach (var call in body.Calls)
                {
                    if (call.Held.IsEmpty)
                    {
                        continue;
                    }

                    var covered = index.Annotations.ForMethod(call.Callee);
                    shortest.Clear();
                    foreach (var target in dispatch.Targets(call))
                    {
                        foreach (var acquisition in solver.SummaryOf(target))
                        {
                            bool declared = covered.AcquiresLevel(acquisition.Level) || covered.MightAcquireLevel(acquisition.Level);
                            bool counts = SummarySolver<IMethodSymbol, SummarySite>.Counts(acquisition, call.ReceiverKind, call.Flags);
                            if (!declared && !call.HeldSites.IsEmpty && call.Held.Contains(acquisition.Level))
                            {
                                if (SummarySolver<IMethodSymbol, SummarySite>.Retakes(acquisition, call.ReceiverKind, ObjectPaths.ReceiverRootOf(call.ReceiverPath), call.Flags))
                                {
                                    retaken.Add(new CallReach(call, target, acquisition));
                                }
                                else if (counts)
                                {
                                    retakenUnnamed.Add(acquisition.Level);
                                }
                            }

                            if (call.Held.Contains(acquisition.Level) || entryHeld.Holds(body.Method!, acquisition.Level) || !counts || declared)
                            {
                                continue;
                            }

                            var reach = new CallReach(call, target, acquisition);
                            reaches.Add(reach);
                            if (!shortest.TryGetValue(acquisition.Level, out var known) || acquisition.Calls < known.Acquisition.Calls)
                            {
                                shortest[acquisition.Level] = reach;
                            }
                        }
                    }

                    // A call dispatched to several overrides witnesses each order by its shortest chain.
                    foreach (var pair in shortest)
                    {
                        foreach (var held in call.Held)
                        {
                            graph.AddEdge(held, pair.Key, EdgeWitness.ThroughCall(body.Method!, pair.Value));
                        }
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var cycles = new List<Cycle>();
            foreach (var edges in graph.FindInversions(index.Order.IsOuter))
            {
                cycles.Add(new Cycle(edges, AllInferred(inferred, edges)));
            }

            return new ProgramFacts(bodies, reaches, graph, cycles, inferred, retaken, dispatch, retakenUnnamed);
        }

        private static bool AllInferred(HashSet<string> inferred, IReadOnlyList<LockDependencyGraph<EdgeWitness>.Edge> cycle)
        {
            foreach (var edge in cycle)
            {
                if (!inferred.Contains(edge.Held))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
