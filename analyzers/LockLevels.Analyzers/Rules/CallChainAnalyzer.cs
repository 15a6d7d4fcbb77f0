using System.Collections.Immutable;
using LockLevels.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0003: a call whose callee, transitively, acquires a level outer to one held at the call.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CallChainAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CallAcquiresOuterLevel);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.RegisterWholeCompilation(context, result => result.CallChains);
        }
    }
}
