using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0011: a member declared "must not hold" ([CalledWithLocksNotHeld]) reached, directly or down
    /// calls, where one of its levels may be held; and a level declared to be taken only with others
    /// not held ([assembly: AcquiredWithLocksNotHeld]) acquired, directly or down calls, where one of
    /// them may be held. Held means what the flow found at the site: the body's own holds and the levels
    /// a deep context runs with.
    /// </summary>
    internal sealed class NotHeldRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NotHeldMemberReached, Descriptors.NotHeldLevelAcquired);

        public bool AppliesTo(CompilationIndex index) => index.Symbols.CalledWithLocksNotHeld != null || !index.NotHeld.IsEmpty;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            if (facts.Dispatch != null)
            {
                ReportMembers(facts, facts.Dispatch, index, diagnostics);
            }

            if (!index.NotHeld.IsEmpty)
            {
                ReportLevels(facts, index, diagnostics);
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        private static void ReportMembers(ProgramFacts facts, CallDispatch dispatch, CompilationIndex index, List<Diagnostic> diagnostics)
        {
            var requirements = NotHeldRequirements.Solve(index, facts.Bodies, dispatch);
            var reported = new HashSet<(Call, string)>();
            foreach (var body in facts.Bodies)
            {
                foreach (var call in body.Calls)
                {
                    if (call.Held.IsEmpty)
                    {
                        continue;
                    }

                    foreach (var target in NotHeldRequirements.TargetsOf(index, call, dispatch))
                    {
                        foreach (var requirement in requirements.Of(target))
                        {
                            if (!call.Held.Contains(requirement.Level) || !reported.Add((call, requirement.Level)))
                            {
                                continue;
                            }

                            var chain = NotHeldRequirements.ChainText(target, requirement, out var hops);
                            var annotated = requirement;
                            while (annotated.Via != null)
                            {
                                annotated = annotated.Via;
                            }

                            diagnostics.Add(Diagnostic.Create(Descriptors.NotHeldMemberReached, call.Location, hops,
                                requirement.Level, Holder(body, call.HeldSites, requirement.Level), annotated.Site.Description, chain));
                        }
                    }
                }
            }
        }

        private static void ReportLevels(ProgramFacts facts, CompilationIndex index, List<Diagnostic> diagnostics)
        {
            foreach (var body in facts.Bodies)
            {
                foreach (var acquisition in body.Acquisitions)
                {
                    var excluded = index.NotHeld.NotHeldWhenAcquiring(acquisition.Level);
                    foreach (var held in acquisition.HeldBefore)
                    {
                        if (excluded.Contains(held.Level))
                        {
                            diagnostics.Add(Diagnostic.Create(Descriptors.NotHeldLevelAcquired, acquisition.Location,
                                acquisition.Level, held.Level, HolderOf(body, held), acquisition.Description));
                            break;
                        }
                    }
                }
            }

            var reported = new HashSet<(Call, string)>();
            foreach (var reach in facts.Reaches)
            {
                var excluded = index.NotHeld.NotHeldWhenAcquiring(reach.Level);
                if (excluded.IsEmpty)
                {
                    continue;
                }

                foreach (var level in reach.Call.Held)
                {
                    if (excluded.Contains(level) && reported.Add((reach.Call, reach.Level)))
                    {
                        var body = BodyOf(facts, reach.Call);
                        diagnostics.Add(Diagnostic.Create(Descriptors.NotHeldLevelAcquired, reach.Call.Location, reach.Hops,
                            reach.Level, level, Holder(body, reach.Call.HeldSites, level), reach.ShortChain));
                        break;
                    }
                }
            }
        }

        /// <summary>What holds the level at a call: the body's own acquisition, or its deep context.</summary>
        private static string Holder(BodyFacts? body, ImmutableArray<HeldSite> sites, string level)
        {
            foreach (var site in sites)
            {
                if (site.Level == level)
                {
                    return "taken by " + site.Description;
                }
            }

            return body?.Context is { } context && context.Levels.Contains(level)
                ? "held on entry: " + context.DeclaringMemberName + " is [CalledWithLocksHeld]"
                : "held on some path here";
        }

        /// <summary>What holds the level before an acquisition: the body's acquisition at that site, or its deep context.</summary>
        private static string HolderOf(BodyFacts body, HeldBefore held)
        {
            if (held.FromContext && body.Context != null)
            {
                return "held on entry: " + body.Context.DeclaringMemberName + " is [CalledWithLocksHeld]";
            }

            foreach (var acquisition in body.Acquisitions)
            {
                if (held.Site != null && acquisition.Level == held.Level && acquisition.Location == held.Site)
                {
                    return "taken by " + acquisition.Description;
                }
            }

            return "held on some path here";
        }

        /// <summary>The body that made the call: only reports need it, so a scan beats an index built for every call.</summary>
        private static BodyFacts? BodyOf(ProgramFacts facts, Call call)
        {
            foreach (var body in facts.Bodies)
            {
                if (body.Calls.Contains(call))
                {
                    return body;
                }
            }

            return null;
        }
    }
}
