using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0001: an outer level acquired while an inner level, acquired in the same method, is held.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockOrderInversionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LockOrderInversion);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.Register(context, DiagnosticIds.LockOrderInversion);
        }
    }
}
