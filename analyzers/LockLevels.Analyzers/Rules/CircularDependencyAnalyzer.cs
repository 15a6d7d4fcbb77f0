using System.Collections.Immutable;
using LockLevels.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0004: a cycle in the compilation's lock-dependency graph (lockdep's "possible circular locking dependency").</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CircularDependencyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CircularLockDependency);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.RegisterWholeCompilation(context, result => result.Cycles);
        }
    }
}
