using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The annotations of issue 13 seed the first pass like the others: a member that carries
    /// [CalledWithLocksNotHeld] or [CalledWithLocksHeld] (on a method, constructor, property or local
    /// function) is in, and so is every body that calls it.
    /// </summary>
    public class LockReachEntryAnnotationTests
    {
        [Fact]
        public void EntryAnnotatedMembers_TheyAndTheirCallersAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Tree
                {
                    [CalledWithLocksNotHeld("Node")] public void Rebalance() { }
                    [CalledWithLocksNotHeld("Node")] public int Depth => 0;
                    [CalledWithLocksHeld("Node")] public Tree() { }
                    public void Other() { }
                }

                static class User
                {
                    public static void Fix(Tree tree) => tree.Rebalance();
                    public static int Measure(Tree tree) => tree.Depth;
                    public static Tree Make() => new Tree();
                    public static void Visit() { Run(); [CalledWithLocksHeld("Node")] void Run() { } }
                    public static int Beside(int x) => Unrelated.Twice(x);
                }
                """);

            reach.AssertIn("Tree", "Rebalance");
            reach.AssertIn("Tree", "Depth");
            reach.AssertIn("Tree", "Tree");
            reach.AssertIn("User", "Fix");
            reach.AssertIn("User", "Measure");
            reach.AssertIn("User", "Make");
            reach.AssertIn("User", "Visit");
            reach.AssertOut("Tree", "Other");
            reach.AssertOut("User", "Beside");
        }
    }
}
