using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>Which mattering members the first pass defers to the whole program (<c>Reach/Deferral</c>), and which it keeps as they come.</summary>
    public class DeferralTests
    {
        private const string Source = """
            class Store
            {
                private readonly object _index = new();
                private readonly SemaphoreSlim _gate = new(1, 1);
                private readonly Action _onSave;
                private Action _flush = () => { };
                private int _count = Counter.Next();

                public Store(Action onSave) { _onSave = onSave; }

                public void Save() { lock (_index) { Persist(); } }
                public void Wait() => _gate.Wait();
                public void Persist() => Append();
                public async Task PersistAsync() { await Task.Yield(); Persist(); }
                public void Later() => Run(() => Append());
                public void Handler() => Run(Persist);
                public int Count { get { Persist(); return _count; } }
                public int Other => Unrelated.Twice(1);
                private void Append() { lock (_index) { } }
                private static void Run(Action action) => action();
            }

            static class Counter
            {
                private static readonly object Sync = new();
                public static int Next() { lock (Sync) { return 1; } }
            }
            """;

        [Fact]
        public void MembersThatReachALockOnlyThroughTheirCallees_AreDeferred()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + Source);

            Assert.True(reach.Reach.Defers);
            AssertDeferred(reach, "Store", "Persist");
            AssertDeferred(reach, "Store", "PersistAsync");
            AssertDeferred(reach, "Store", "Count");
        }

        [Fact]
        public void MembersThatTouchALockOrHandOutCode_AreAnalysedAsTheyCome()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + Source);

            // A lock statement, a lock API's name, a lambda, a method group, an initializer's member.
            AssertNotDeferred(reach, "Store", "Save");
            AssertNotDeferred(reach, "Store", "Wait");
            AssertNotDeferred(reach, "Store", "Later");
            AssertNotDeferred(reach, "Store", "Handler");
            AssertNotDeferred(reach, "Store", "_count");
            AssertNotDeferred(reach, "Store", "_flush");
            reach.AssertOut("Store", "Other");
            AssertNotDeferred(reach, "Store", "Other");
        }

        [Fact]
        public void AnAnnotatedCompilation_DefersNothing()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + Source + """
                class Annotated
                {
                    [Lock("Outer")] private readonly object _outer = new();
                }
                """);

            Assert.False(reach.Reach.Defers);
            AssertNotDeferred(reach, "Store", "Persist");
        }

        private static void AssertDeferred(ReachFixture reach, string type, string member)
            => Assert.True(reach.Reach.DeferredUnitOf(reach.Member(type, member)) != null, $"{type}.{member} should be deferred");

        private static void AssertNotDeferred(ReachFixture reach, string type, string member)
            => Assert.True(reach.Reach.DeferredUnitOf(reach.Member(type, member)) == null, $"{type}.{member} should not be deferred");
    }
}
