using LockLevels.Analyzers.Reach;
using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass keeps bodies that reach no lock when the whole-program analysis reads their facts:
    /// creations of a type with a mattering member (which make its overrides live), and stores of a
    /// delegate parameter into a field that a mattering caller fills; and no other lock-free body.
    /// </summary>
    public class FactDemandTests
    {
        private const string Caches = """
            interface ICache { void Store(); }

            sealed class DiskCache : ICache
            {
                private readonly object _gate = new();
                public void Store() { lock (_gate) { } }
            }

            sealed class Plain { public int Value; }

            """;

        [Fact]
        public void LockFreeCreationOfATypeWithAMatteringMember_IsKeptForItsFacts()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + Caches + """
                static class Factory
                {
                    public static ICache Create() => new DiskCache();
                    public static object Other() => new Plain();
                }
                """);

            Assert.Equal(ReachDemand.Facts, reach.Reach.DemandOf(reach.Member("Factory", "Create")));
            reach.AssertOut("Factory", "Other");
        }

        [Fact]
        public void TypeOfAndTypeArgumentsOfATypeWithAMatteringMember_AreKeptForTheirFacts()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + Caches + """
                static class Services
                {
                    public static T Make<T>() where T : new() => new T();
                    public static ICache ByArgument() => Make<DiskCache>();
                    public static Type ByTypeOf() => typeof(DiskCache);
                    public static Plain Unrelated() => Make<Plain>();
                }
                """);

            Assert.Equal(ReachDemand.Facts, reach.Reach.DemandOf(reach.Member("Services", "ByArgument")));
            Assert.Equal(ReachDemand.Facts, reach.Reach.DemandOf(reach.Member("Services", "ByTypeOf")));
            reach.AssertOut("Services", "Unrelated");
        }

        [Fact]
        public void CreationOfATypeDerivedFromOneWithAMatteringMember_IsKeptForItsFacts()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                class Cache
                {
                    private readonly object _gate = new();
                    public virtual void Store() { lock (_gate) { } }
                }

                sealed class TieredCache : Cache { }

                static class Factory
                {
                    public static Cache Create() => new TieredCache();
                }
                """);

            Assert.Equal(ReachDemand.Facts, reach.Reach.DemandOf(reach.Member("Factory", "Create")));
        }

        [Fact]
        public void StoreCalledFromAMatteringBody_IsKeptIfItHasADelegateParameter()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Timer
                {
                    private Action? _callback;
                    private int _count;
                    public void Subscribe(Action callback) => _callback = callback;
                    public void Count(int by) => _count += by;
                }

                sealed class Writer
                {
                    private readonly object _gate = new();
                    public void Attach(Timer timer) => timer.Subscribe(Flush);
                    private void Flush() { lock (_gate) { } }
                }
                """);

            Assert.Equal(ReachDemand.IfDelegateParameter, reach.Reach.DemandOf(reach.Member("Timer", "Subscribe")));
            reach.AssertOut("Timer", "Count");
        }
    }
}
