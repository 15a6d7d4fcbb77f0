using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0001: an outer level acquired while an inner level, acquired earlier in the same body, is held.</summary>
    internal sealed class LockOrderInversionRule : IBodyRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LockOrderInversion);

        public void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report)
        {
            var reported = new HashSet<Location>();
            foreach (var body in bodies)
            {
                foreach (var acquisition in body.Acquisitions)
                {
                    if (FirstInverted(acquisition, index) is { } inner && reported.Add(acquisition.Location))
                    {
                        report(Diagnostic.Create(Descriptors.LockOrderInversion, acquisition.Location, ImmutableArray.Create(inner.Site!), acquisition.Level, inner.Level));
                    }
                }
            }
        }

        /// <summary>The earliest-acquired held level the acquisition inverts; none when the level is already held (re-entry).</summary>
        private static HeldBefore? FirstInverted(Acquisition acquisition, CompilationIndex index)
        {
            if (acquisition.IsReentry)
            {
                return null;
            }

            HeldBefore? inner = null;
            foreach (var held in acquisition.HeldBefore)
            {
                if (!held.FromContext && index.Order.IsOuter(acquisition.Level, held.Level) && (inner == null || held.Order < inner.Value.Order))
                {
                    inner = held;
                }
            }

            return inner;
        }
    }
}
