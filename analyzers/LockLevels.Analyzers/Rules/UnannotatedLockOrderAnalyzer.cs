using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0100: unannotated locks (lock, Monitor, SemaphoreSlim, ReaderWriterLockSlim, Lock on fields,
    /// properties, this, typeof) taken in opposite orders on two paths: lockdep's AB-BA, without annotations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnannotatedLockOrderAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnannotatedLockOrderInversion);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            MethodFindings.RegisterWholeCompilation(context, result => result.UnannotatedInversions, forUnannotatedLocks: true);
        }
    }
}
