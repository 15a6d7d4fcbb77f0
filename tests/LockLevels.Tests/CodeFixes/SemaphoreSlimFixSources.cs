using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule, LockLevels.CodeFixes.SemaphoreSlimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    /// <summary>What the LL0008 fix tests share.</summary>
    internal static class SemaphoreSlimFixSources
    {
        public const string Usings = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        public static DiagnosticResult HeldAcross(int await, int site, string level, string takenBy, string primitive = "Monitor lock")
            => Verify.Diagnostic(DiagnosticIds.ThreadAffineLockAcrossAwait).WithLocation(await).WithLocation(site).WithArguments(level, takenBy, primitive);
    }
}
