using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Xunit;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>
    /// A private delegate field can be named only inside its type's declarations, every part of a partial type
    /// and the types nested in it: those are all read, and a use there that lets the delegate out opens it.
    /// </summary>
    public class ClosedStorageScopeTests
    {
        private const string Pump = """
            using System;

            sealed partial class Pump
            {
                private readonly object _a = new();
                private readonly object _b = new();
                private Action _step;

                public Pump() { _step = Step; }

                public void Run() { lock (_a) { _step(); } }

                private void Step() { lock (_b) { Touch(); } }

                private void Touch() { lock (_a) { } }
            NESTED}
            """;

        private const string Report = "(11,37): warning LL0100: possible lock-order inversion between unannotated locks: Pump._a → Pump._b (Run: Pump.Step → lock (Pump._b)) → Pump._a (Step: Pump.Touch → lock (Pump._a)) @10,36 @12,38";

        [Fact]
        public async Task OnlyInvoked_TheMethodRunsWithTheInvokersLock()
            => Assert.Equal("", AnalyzerRunner.Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(Pump.Replace("NESTED", "")))));

        [Fact]
        public async Task LetOutInAnotherPartOfTheType_IsAnEdge()
            => Assert.Equal(Report, AnalyzerRunner.Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(
                Pump.Replace("NESTED", ""), "sealed partial class Pump { public Action Exposed => _step; }"))));

        [Fact]
        public async Task Internal_OnlyInvokedInOtherFiles_TheMethodRunsWithTheInvokersLock()
            => Assert.Equal("", AnalyzerRunner.Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(
                Pump.Replace("private Action _step;", "internal Action _step;").Replace("NESTED", ""), "static class Other { public static void Clear(Pump pump) { pump._step = null; } }"))));

        /// <summary>Another file lets an internal storage out, spelled plainly or with a Unicode escape (which a search of the text for the name would miss).</summary>
        [Theory]
        [InlineData("pump._step")]
        [InlineData("pump.\\u005Fstep")]
        public async Task Internal_LetOutInAnotherFile_IsAnEdge(string use)
            => Assert.Equal(Report, AnalyzerRunner.Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(
                Pump.Replace("private Action _step;", "internal Action _step;").Replace("NESTED", ""), "static class Leak { public static System.Action Of(Pump pump) => USE; }".Replace("USE", use)))));

        [Fact]
        public async Task LetOutInANestedType_IsAnEdge()
            => Assert.Equal(Report, AnalyzerRunner.Describe(await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(
                Pump.Replace("NESTED", "    public sealed class Peek { public Action Of(Pump pump) => pump._step; }\n")))));
    }
}
