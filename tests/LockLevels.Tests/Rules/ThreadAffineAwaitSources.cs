using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.ThreadAffineAwaitRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>What the LL0008 tests share: their usings and hierarchy, and the expected diagnostic.</summary>
    internal static class ThreadAffineAwaitSources
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using LockLevels;

            [assembly: LockHierarchy("Outer", "Inner")]

            """;

        public static string Source(string code) => Usings + code;

        /// <summary>LL0008 at #0 (the await), taken at #1.</summary>
        public static DiagnosticResult HeldAcross(string level, string takenBy, string primitive)
            => HeldAcross(0, 1, level, takenBy, primitive);

        public static DiagnosticResult HeldAcross(int await, int site, string level, string takenBy, string primitive)
            => Verify.Diagnostic(Descriptors.ThreadAffineLockAcrossAwait).WithLocation(await).WithLocation(site).WithArguments(level, takenBy, primitive);
    }
}
