using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0003: a call that transitively acquires an outer level while an inner level is held, with the
    /// call chain down to the acquisition; once per call site and level.
    /// </summary>
    internal sealed class CallChainRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CallAcquiresOuterLevel);

        public bool AppliesTo(CompilationIndex index) => index.Symbols.HasAnnotations;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            var reported = new HashSet<(Flow.Call, string)>();
            foreach (var reach in facts.Reaches)
            {
                var inner = InnerHeld(index.Order, reach.Call.Held, reach.Level, index.ContextOf(reach.Target));
                if (inner != null && reported.Add((reach.Call, reach.Level)))
                {
                    diagnostics.Add(Diagnostic.Create(Descriptors.CallAcquiresOuterLevel, reach.Call.Location, reach.Hops, reach.Claim,
                        Names.Method(reach.Target), reach.Level, inner, reach.ShortChain));
                }
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// The first held level the acquisition inverts. Levels a deep-context callee is declared to
        /// run with are skipped: the callee's own analysis (LL0002) already reports the inversion there.
        /// </summary>
        private static string? InnerHeld(LockOrder order, ImmutableArray<string> held, string acquired, DeepContext? calleeContext)
        {
            foreach (var level in held)
            {
                if (order.IsOuter(acquired, level) && (calleeContext == null || !calleeContext.Levels.Contains(level)))
                {
                    return level;
                }
            }

            return null;
        }
    }
}
