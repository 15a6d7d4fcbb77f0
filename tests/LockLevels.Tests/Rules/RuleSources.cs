using LockLevels.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace LockLevels.Tests.Rules
{
    /// <summary>Source fragments the annotation-rule tests share, for sources that declare their own hierarchies.</summary>
    internal static class RuleSources
    {
        /// <summary>The usings every LockLevels source starts with; no hierarchy.</summary>
        public const string Usings = """
            using System;
            using System.Threading;
            using LockLevels;

            """;

        /// <summary>A source with the usings and <paramref name="code"/> but no shared hierarchy or types.</summary>
        public static string Bare(string code) => Usings + code;

        /// <summary>Adds a project the test's code references, compiled against the same framework and the annotations.</summary>
        public static void AddReferencedProject(AnalyzerTest<DefaultVerifier> test, string name, string source)
        {
            var project = test.TestState.AdditionalProjects[name];
            project.AdditionalReferences.AddRange(TestReferences.Framework);
            project.AdditionalReferences.Add(TestReferences.Annotations);
            project.Sources.Add(source);
            test.TestState.AdditionalProjectReferences.Add(name);
        }
    }
}
