using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockLevels.Tests.Verifiers
{
    /// <summary>
    /// Runs a code fix for one rule of the held-lock analyzer over sources with markup and compares the exact fixed source; then checks that
    /// the fixed code compiles without errors and that no LockLevels analyzer reports anything in it.
    /// </summary>
    internal static class CSharpCodeFixVerifier<TRule, TCodeFix>
        where TRule : ILockRule, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<LockFlowAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        public static async Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
            await AssertCleanAsync(fixedSource);
        }

        /// <summary>As <see cref="VerifyCodeFixAsync"/>, for a diagnostic reported at compilation end (not local to a document).</summary>
        public static async Task VerifyCompilationEndCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
            await AssertCleanAsync(fixedSource);
        }

        /// <summary>The fix is not offered: the source stays as it is.</summary>
        public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>As <see cref="VerifyNoFixAsync"/>, for a diagnostic reported at compilation end (not local to a document).</summary>
        public static Task VerifyCompilationEndNoFixAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = source, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static async Task AssertCleanAsync(params string[] fixedSources)
        {
            var compilation = AnalyzerRunner.Compile(fixedSources);
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            var diagnostics = await AnalyzerRunner.RunAsync(compilation);
            Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("LL", System.StringComparison.Ordinal) && diagnostic.Severity >= DiagnosticSeverity.Warning));
        }

        public sealed class Test : CSharpCodeFixTest<LockFlowAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = new ReferenceAssemblies("custom");
                TestState.AdditionalReferences.AddRange(TestReferences.Framework);
                TestState.AdditionalReferences.Add(TestReferences.Annotations);
                RuleVerifier<TRule>.DisableOtherRules(DisabledDiagnostics);
            }

            protected override ParseOptions CreateParseOptions()
                => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Preview);

            protected override CompilationOptions CreateCompilationOptions()
                => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
