using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0007: a public or protected method whose body takes levels that its annotations do not declare.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UndeclaredAcquisitionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredAcquisition);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.Register(context, DiagnosticIds.UndeclaredAcquisition);
        }
    }
}
