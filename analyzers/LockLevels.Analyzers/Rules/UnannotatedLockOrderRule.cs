using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0100: unannotated locks taken in opposite orders on two paths: a cycle made only of inferred
    /// lock classes, or one class taken on two objects in both orders.
    /// </summary>
    internal sealed class UnannotatedLockOrderRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnannotatedLockOrderInversion);

        public bool AppliesTo(CompilationIndex index) => index.InferUnannotated;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = InstanceInversions(facts);
            foreach (var (_, diagnostic) in CycleText.Reports(facts, inferred: true, SitesOf(diagnostics)))
            {
                diagnostics.Add(diagnostic);
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        /// <summary>Where the given reports are: a cycle is not reported again at one of them.</summary>
        public static HashSet<Location> SitesOf(List<Diagnostic> diagnostics)
        {
            var sites = new HashSet<Location>();
            foreach (var diagnostic in diagnostics)
            {
                sites.Add(diagnostic.Location);
            }

            return sites;
        }

        /// <summary>
        /// lock (a._sync) lock (b._sync) somewhere and lock (b._sync) lock (a._sync) elsewhere: one lock
        /// class, two objects, both orders. Reported once per class and pair of objects.
        /// </summary>
        public static List<Diagnostic> InstanceInversions(ProgramFacts facts)
        {
            var diagnostics = new List<Diagnostic>();
            var seen = new Dictionary<(string, string, string), (Flow.BodyFacts Body, Flow.InstancePair Pair)>();
            var reported = new HashSet<(string, string, string)>();
            foreach (var body in facts.Bodies)
            {
                foreach (var pair in body.InstancePairs)
                {
                    var key = (pair.LockClass, pair.First, pair.Second);
                    var reverse = (pair.LockClass, pair.Second, pair.First);
                    if (seen.TryGetValue(reverse, out var earlier))
                    {
                        var unordered = string.CompareOrdinal(pair.First, pair.Second) < 0 ? key : reverse;
                        if (reported.Add(unordered))
                        {
                            var text = $"{pair.LockClass} of {earlier.Pair.First} → {pair.LockClass} of {earlier.Pair.Second} ({Names.Body(earlier.Body.Method)})"
                                + $" and {pair.LockClass} of {pair.First} → {pair.LockClass} of {pair.Second} ({Names.Body(body.Method)})";
                            diagnostics.Add(Diagnostic.Create(Descriptors.UnannotatedLockOrderInversion, earlier.Pair.Location,
                                ImmutableArray.Create(earlier.Pair.FirstLocation, pair.FirstLocation, pair.Location), text));
                        }
                    }
                    else if (!seen.ContainsKey(key))
                    {
                        seen.Add(key, (body, pair));
                    }
                }
            }

            return diagnostics;
        }
    }
}
