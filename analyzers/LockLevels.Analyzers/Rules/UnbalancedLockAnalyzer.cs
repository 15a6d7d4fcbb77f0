using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0005: a level still held on some path out of a method that is not [Acquires], or released while not held.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnbalancedLockAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnbalancedAcquire, Descriptors.UnbalancedRelease);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.Register(context, DiagnosticIds.UnbalancedLock);
        }
    }
}
