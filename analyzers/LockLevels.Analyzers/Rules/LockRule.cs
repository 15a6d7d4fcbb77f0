using System;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>A rule of the held-lock analysis: it turns facts into its own diagnostics and nothing else.</summary>
    internal interface ILockRule
    {
        ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
    }

    /// <summary>A rule over one body's facts (with those of its lambdas and local functions), reported as the body is analysed.</summary>
    internal interface IBodyRule : ILockRule
    {
        void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report);
    }

    /// <summary>A rule over the whole program's facts, reported at compilation end.</summary>
    internal interface IProgramRule : ILockRule
    {
        /// <summary>Whether the rule has anything to say about this compilation (annotations referenced, inference on).</summary>
        bool AppliesTo(CompilationIndex index);

        void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report);
    }
}
