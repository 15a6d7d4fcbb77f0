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
    }
}
