using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The levels each method acquires, directly or down its calls, with the chain that shows how:
    /// its body's acquisitions, its annotations ([Acquires], [MightAcquire]) and its callees' summaries.
    /// </summary>
    internal static class Summaries
    {
        /// <param name="maxInferredChain">The most calls a chain down to an inferred lock class may have; declared levels are unbounded.</param>
        public static SummarySolver<IMethodSymbol, SummarySite> Solve(CompilationIndex index, List<BodyFacts> bodies, CallDispatch dispatch, int maxInferredChain)
        {
            var solver = new SummarySolver<IMethodSymbol, SummarySite>(SymbolEqualityComparer.Default, maxInferredChain);
            var annotated = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var body in bodies)
            {
                var method = body.Method!;
                AddAnnotated(index, solver, annotated, method);
                foreach (var acquisition in body.Acquisitions)
                {
                    solver.AddDirect(method, acquisition.Level, acquisition.Shared,
                        new SummarySite(acquisition.Location, acquisition.Description, acquisition.Claim, acquisition.Object, acquisition.Upgradeable),
                        acquisition.Inferred, acquisition.OnOwnObject, acquisition.Guard, acquisition.AfterOwnRelease, ObjectPaths.RootOf(acquisition.Object?.Path));
                }

                solver.ExpectCalls(method, body.Calls.Count);
                foreach (var call in body.Calls)
                {
                    foreach (var target in dispatch.Targets(call))
                    {
                        AddAnnotated(index, solver, annotated, target);
                        solver.AddCall(method, target, new SummarySite(call, target), call.ReceiverKind, call.Flags, call.Guard, call.ReleasedBefore,
                            ObjectPaths.ReceiverRootOf(call.ReceiverPath));
                    }
                }
            }

            solver.Solve();
            return solver;
        }

        private static void AddAnnotated(CompilationIndex index, SummarySolver<IMethodSymbol, SummarySite> solver, HashSet<IMethodSymbol> annotated, IMethodSymbol method)
        {
            if (!annotated.Add(method))
            {
                return;
            }

            var annotations = index.Annotations.ForMethod(method);
            if (annotations.Acquires.IsEmpty && annotations.MightAcquire.IsEmpty)
            {
                return;
            }

            var location = method.Locations.IsEmpty ? Location.None : method.Locations[0];
            var description = Names.Method(method);
            var receiver = method.IsStatic ? "static:" + Names.Type(method.ContainingType) : ObjectPaths.This;
            foreach (var use in annotations.Acquires)
            {
                if (use.Level.Length > 0)
                {
                    solver.AddDirect(method, use.Level, use.Shared, new SummarySite(location, description, lockObject: LockObject.OfLevel(index, use.Level, receiver)),
                        root: ObjectPaths.RootOf(receiver));
                }
            }

            foreach (var use in annotations.MightAcquire)
            {
                if (use.Level.Length > 0)
                {
                    solver.AddDirect(method, use.Level, use.Shared, new SummarySite(location, description));
                }
            }
        }
    }

    /// <summary>
    /// Where a summary's level comes from: an acquisition (location and text known) or a call to a
    /// callee, whose location and text are made only if a chain through it is ever shown, since
    /// most recorded calls never are.
    /// </summary>
    internal readonly struct SummarySite
    {
        private readonly Location? _location;
        private readonly string? _description;
        private readonly Call? _call;
        private readonly IMethodSymbol? _callee;

        public SummarySite(Location location, string description, ImmutableDictionary<string, string?>? claim = null, LockObject? lockObject = null, bool upgradeable = false)
        {
            _location = location;
            _description = description;
            _call = null;
            _callee = null;
            Claim = claim;
            Object = lockObject;
            Upgradeable = upgradeable;
        }

        public SummarySite(Call call, IMethodSymbol callee)
        {
            _location = null;
            _description = null;
            _call = call;
            _callee = callee;
            Claim = null;
            Object = null;
            Upgradeable = false;
        }

        /// <summary>For an acquisition: the object it takes, as the acquiring method names it.</summary>
        public LockObject? Object { get; }

        public bool Upgradeable { get; }

        /// <summary>For a step through a call: that call.</summary>
        public Call? Call => _call;

        /// <summary>For an acquisition in source: whether the long-term claim fix can replace it.</summary>
        public ImmutableDictionary<string, string?>? Claim { get; }

        public Location Location => _location ?? _call!.Location;

        public string Description => _description ?? Names.Method(_callee!);
    }
}
