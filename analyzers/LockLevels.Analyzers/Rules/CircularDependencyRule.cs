using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0004: a circular locking dependency across the compilation (lockdep's report) through at least one declared level.</summary>
    internal sealed class CircularDependencyRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CircularLockDependency);

        public bool AppliesTo(CompilationIndex index) => index.Symbols.HasAnnotations;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            foreach (var (_, diagnostic) in CycleText.Reports(facts, inferred: false, new HashSet<Location>()))
            {
                diagnostics.Add(diagnostic);
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }
    }
}
