using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0006: a call to a [CalledWithLocksHeld] member where a level it needs is not held.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeepContextCallAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeepContextCalledWithoutLocks);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.Register(context, DiagnosticIds.DeepContextCalledWithoutLocks);
        }
    }
}
