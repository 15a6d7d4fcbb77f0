using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0002: an outer level acquired in a deep context, where [CalledWithLocksHeld] says inner levels are held.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeepContextAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OuterLevelInDeepContext);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.Register(context, DiagnosticIds.OuterLevelInDeepContext);
        }
    }
}
