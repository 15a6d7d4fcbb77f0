using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0002: an outer level acquired in a deep context, where [CalledWithLocksHeld] (on the method or
    /// the member it implements or overrides) says an inner level is held.
    /// </summary>
    internal sealed class DeepContextRule : IBodyRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OuterLevelInDeepContext);

        public void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report)
        {
            var reported = new HashSet<Location>();
            foreach (var body in bodies)
            {
                if (body.Context is not { } context)
                {
                    continue;
                }

                foreach (var acquisition in body.Acquisitions)
                {
                    if (InvertedContextLevel(acquisition, context, index) is { } level && reported.Add(acquisition.Location))
                    {
                        report(Diagnostic.Create(Descriptors.OuterLevelInDeepContext, acquisition.Location, acquisition.Claim,
                            acquisition.Level, level, Names.Body(body.Method), string.Join(", ", context.Levels), context.DeclaringMemberName));
                    }
                }
            }
        }

        /// <summary>The first context level (in declared order) the acquisition inverts; none on re-entry.</summary>
        private static string? InvertedContextLevel(Acquisition acquisition, DeepContext context, CompilationIndex index)
        {
            if (acquisition.IsReentry)
            {
                return null;
            }

            foreach (var level in context.Levels)
            {
                foreach (var held in acquisition.HeldBefore)
                {
                    if (held.FromContext && held.Level == level && index.Order.IsOuter(acquisition.Level, level))
                    {
                        return level;
                    }
                }
            }

            return null;
        }
    }
}
