using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// Which bodies wrapper inference may bind (<see cref="LockLevels.Analyzers.Reach.WrapperReach"/>): without
    /// annotations, those that call a locking API, or a method no other assembly can call that may itself be a
    /// wrapper. A lock statement alone gives back what it takes; a public method is never an inferred wrapper,
    /// so calling one makes no caller a wrapper.
    /// </summary>
    public class WrapperReachTests
    {
        private const string Source = ReachFixture.Usings + """
            static class Gates
            {
                private static readonly object Gate = new();
                private static readonly SemaphoreSlim Semaphore = new(1, 1);

                private static void Take() => Monitor.Enter(Gate);
                private static void TakeThroughHelper() => Take();
                private static void TakeTwoDeep() { if (Unrelated.Twice(1) > 0) TakeThroughHelper(); }
                private static async Task WaitFor() => await Semaphore.WaitAsync();
                private static void ExitInLocalFunction() { void Inner() => Monitor.Exit(Gate); Inner(); }
                private static void Scoped() { lock (Gate) { Unrelated.Twice(1); } }
                private static void CallsScoped() => Scoped();
                private static void CallsOpen() => OpenGates.Grab();
            }

            public static class OpenGates
            {
                private static readonly object Gate = new();
                public static void Grab() => Monitor.Enter(Gate);
                public static void GrabTwice() => Grab();
            }

            public class Visible
            {
                private static readonly object Gate = new();
                internal void TakeInternally() => Monitor.Enter(Gate);
                public void CallsInternal() => TakeInternally();
                public void CallsCallsInternal() => CallsInternal();
            }
            """;

        [Fact]
        public void LockApiCallsAndChainsOfHiddenMethods_MayBeWrappers()
        {
            var reach = ReachFixture.Of(Source);

            foreach (var member in new[] { "Take", "TakeThroughHelper", "TakeTwoDeep", "WaitFor", "ExitInLocalFunction" })
            {
                Assert.True(reach.Reach.MayBeWrapper(reach.Member("Gates", member)), "Gates." + member);
            }

            // Calling a locking API, though public: whether it is a wrapper is for its symbol to say.
            Assert.True(reach.Reach.MayBeWrapper(reach.Member("OpenGates", "Grab")));
            Assert.True(reach.Reach.MayBeWrapper(reach.Member("Visible", "TakeInternally")));
            Assert.True(reach.Reach.MayBeWrapper(reach.Member("Visible", "CallsInternal")));
        }

        [Fact]
        public void LockStatementsAndCallsOfOpenMethods_AreNoWrappers()
        {
            var reach = ReachFixture.Of(Source);

            Assert.False(reach.Reach.MayBeWrapper(reach.Member("Gates", "Scoped")));
            Assert.False(reach.Reach.MayBeWrapper(reach.Member("Gates", "CallsScoped")));
            Assert.False(reach.Reach.MayBeWrapper(reach.Member("Gates", "CallsOpen")));
            Assert.False(reach.Reach.MayBeWrapper(reach.Member("OpenGates", "GrabTwice")));
            Assert.False(reach.Reach.MayBeWrapper(reach.Member("Visible", "CallsCallsInternal")));
            Assert.False(reach.Reach.MayBeWrapper(reach.Member("Unrelated", "Twice")));

            // Out of the wrapper set, but still in the first pass's: they reach a lock.
            reach.AssertIn("Gates", "Scoped");
            reach.AssertIn("Gates", "CallsOpen");
        }

        [Fact]
        public void WithAnnotations_EveryBodyMayBeAWrapper()
        {
            var reach = ReachFixture.Of(Source + """
                sealed class SuperBlock
                {
                    [Acquires("SbWriters")] public void StartWrite() { }
                }
                """);

            Assert.True(reach.Reach.MayBeWrapper(reach.Member("Gates", "Scoped")));
            Assert.True(reach.Reach.MayBeWrapper(reach.Member("Unrelated", "Twice")));
        }
    }
}
