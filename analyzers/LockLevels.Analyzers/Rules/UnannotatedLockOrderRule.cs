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
    /// lock classes. One class taken on two objects is LL0010's (<see cref="NestedLockClassRule"/>).
    /// </summary>
    internal sealed class UnannotatedLockOrderRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnannotatedLockOrderInversion);

        public bool AppliesTo(CompilationIndex index) => index.InferUnannotated;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            foreach (var (_, diagnostic) in CycleText.Reports(facts, inferred: true, new HashSet<Location>()))
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
