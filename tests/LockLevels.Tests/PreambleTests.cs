using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockLevels.Tests
{
    /// <summary>
    /// The shared world of the rule tests is clean under every analyzer at once: each markup test checks
    /// it only under its own analyzer, and a diagnostic of another rule on the preamble (say an LL0905 for
    /// its [Releases], or an LL0007 for a public member) would mean the preamble is not the consistent
    /// world the tests assume.
    /// </summary>
    public class PreambleTests
    {
        [Fact]
        public async Task SharedPreamble_CompilesAndReportsNothingUnderAnyAnalyzer()
        {
            var compilation = AnalyzerRunner.Compile(Preamble.With(string.Empty));
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            var reported = (await AnalyzerRunner.RunAsync(compilation)).Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal)).ToImmutableArray();
            Assert.True(reported.IsEmpty, AnalyzerRunner.Describe(reported));
        }
    }
}
