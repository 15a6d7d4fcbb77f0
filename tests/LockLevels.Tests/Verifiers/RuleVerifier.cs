using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LockLevels.Tests.Verifiers
{
    /// <summary>
    /// Runs the held-lock analyzer over sources with markup and checks the diagnostics of one rule:
    /// the analyzer's other rules are turned off, as a user would with .editorconfig.
    /// </summary>
    internal static class RuleVerifier<TRule>
        where TRule : ILockRule, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<LockFlowAnalyzer, DefaultVerifier>.Diagnostic(id);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Every ID of the analyzer that <typeparamref name="TRule"/> does not report.</summary>
        public static void DisableOtherRules(System.Collections.Generic.List<string> disabled)
        {
            var own = new TRule().SupportedDiagnostics;
            foreach (var descriptor in new LockFlowAnalyzer().SupportedDiagnostics)
            {
                bool mine = false;
                foreach (var ownDescriptor in own)
                {
                    mine |= ownDescriptor.Id == descriptor.Id;
                }

                if (!mine && !disabled.Contains(descriptor.Id))
                {
                    disabled.Add(descriptor.Id);
                }
            }
        }

        public sealed class Test : CSharpAnalyzerTest<LockFlowAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = new ReferenceAssemblies("custom");
                TestState.AdditionalReferences.AddRange(TestReferences.Framework);
                TestState.AdditionalReferences.Add(TestReferences.Annotations);
                DisableOtherRules(DisabledDiagnostics);
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);
        }
    }
}
