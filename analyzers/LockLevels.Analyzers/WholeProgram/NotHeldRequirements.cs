using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The levels each method must be entered without, because it is [CalledWithLocksNotHeld] or calls,
    /// directly or down its calls, one that is, with the shortest chain that shows how. A requirement
    /// spreads up the call graph like an acquisition in <see cref="Summaries"/>, on the same solver, and
    /// unchanged: a caller that holds nothing at the call still passes it to its own callers, since the
    /// level they hold is still held when the annotated member runs.
    /// </summary>
    internal sealed class NotHeldRequirements
    {
        private readonly SummarySolver<IMethodSymbol, SummarySite>? _solver;

        private NotHeldRequirements(SummarySolver<IMethodSymbol, SummarySite>? solver) => _solver = solver;

        /// <summary>Empty unless some recorded call can reach a [CalledWithLocksNotHeld] member: most programs pay one look at each call.</summary>
        public static NotHeldRequirements Solve(CompilationIndex index, IReadOnlyList<BodyFacts> bodies, CallDispatch dispatch)
        {
            if (index.Symbols.CalledWithLocksNotHeld == null || !AnyRequirement(index, bodies, dispatch))
            {
                return new NotHeldRequirements(null);
            }

            var solver = new SummarySolver<IMethodSymbol, SummarySite>(SymbolEqualityComparer.Default);
            var added = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var body in bodies)
            {
                var method = body.Method!;
                AddOwn(index, solver, added, method);
                foreach (var call in body.Calls)
                {
                    foreach (var target in TargetsOf(index, call, dispatch))
                    {
                        AddOwn(index, solver, added, target);
                        solver.AddCall(method, target, new SummarySite(call, target), call.ReceiverKind, call.Flags, call.Guard);
                    }
                }
            }

            solver.Solve();
            return new NotHeldRequirements(solver);
        }

        /// <summary>The levels <paramref name="method"/> must be entered without, each with its chain.</summary>
        public IReadOnlyList<SummarySolver<IMethodSymbol, SummarySite>.Acquisition> Of(IMethodSymbol method)
            => _solver == null ? System.Array.Empty<SummarySolver<IMethodSymbol, SummarySite>.Acquisition>() : _solver.SummaryOf(method);

        /// <summary>
        /// The bodies a call reaches and, when it names an annotated member that none of them is (an
        /// interface or abstract member), that member too: its requirement binds every caller, whatever runs.
        /// </summary>
        public static IEnumerable<IMethodSymbol> TargetsOf(CompilationIndex index, Call call, CallDispatch dispatch)
        {
            bool named = false;
            foreach (var target in dispatch.Targets(call))
            {
                named |= SymbolEqualityComparer.Default.Equals(target, call.Callee);
                yield return target;
            }

            if (!named && call.DelegateSource == null && !index.Annotations.ForMethod(call.Callee).CalledWithLocksNotHeld.IsEmpty)
            {
                yield return call.Callee;
            }
        }

        /// <summary>"Netfs.Flush", "Netfs.Sync → Netfs.Flush": the method, then each call down to the annotated member.</summary>
        public static string ChainText(IMethodSymbol target, SummarySolver<IMethodSymbol, SummarySite>.Acquisition requirement, out ImmutableArray<Location> hops)
        {
            var pieces = new List<string> { Names.Method(target) };
            var locations = ImmutableArray.CreateBuilder<Location>();
            foreach (var step in requirement.Chain())
            {
                if (step.Via == null)
                {
                    break;
                }

                pieces.Add(step.Site.Description);
                if (step.Site.Location.IsInSource)
                {
                    locations.Add(step.Site.Location);
                }
            }

            hops = locations.ToImmutable();
            return pieces.Count <= CallReach.MaxShownPieces
                ? string.Join(" → ", pieces)
                : pieces[0] + " → … " + (pieces.Count - 3) + " calls … → " + pieces[pieces.Count - 2] + " → " + pieces[pieces.Count - 1];
        }

        private static bool AnyRequirement(CompilationIndex index, IReadOnlyList<BodyFacts> bodies, CallDispatch dispatch)
        {
            foreach (var body in bodies)
            {
                foreach (var call in body.Calls)
                {
                    foreach (var target in TargetsOf(index, call, dispatch))
                    {
                        if (!index.Annotations.ForMethod(target).CalledWithLocksNotHeld.IsEmpty)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static void AddOwn(CompilationIndex index, SummarySolver<IMethodSymbol, SummarySite> solver, HashSet<IMethodSymbol> added, IMethodSymbol method)
        {
            if (!added.Add(method))
            {
                return;
            }

            var location = method.Locations.IsEmpty ? Location.None : method.Locations[0];
            foreach (var use in index.Annotations.ForMethod(method).CalledWithLocksNotHeld)
            {
                if (use.Level.Length > 0)
                {
                    solver.AddDirect(method, use.Level, false, new SummarySite(location, Names.Method(method)));
                }
            }
        }
    }
}
