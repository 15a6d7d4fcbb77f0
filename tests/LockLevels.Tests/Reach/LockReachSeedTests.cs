using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass's seeds and closure: call chains, annotated methods (in source, through an
    /// alias, in a referenced assembly), deep contexts, delegates that stay in their own body, and
    /// code that reaches no lock at all.
    /// </summary>
    public class LockReachSeedTests
    {
        [Fact]
        public void CallChain_EveryCallerUpTheChainIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                static class Chain
                {
                    private static readonly SemaphoreSlim Gate = new(1, 1);
                    public static void Bottom() { Gate.Wait(); Gate.Release(); }
                    public static void Middle() => Bottom();
                    public static void Top() => Middle();
                    public static int Beside(int x) => Unrelated.Twice(x);
                }
                """);

            reach.AssertIn("Chain", "Bottom");
            reach.AssertIn("Chain", "Middle");
            reach.AssertIn("Chain", "Top");
            reach.AssertOut("Chain", "Beside");
        }

        [Fact]
        public void AnnotatedMethods_TheirCallersAndImplementationsOfDeepContextsAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class SuperBlock
                {
                    [Acquires("SbWriters")] public void StartWrite() { }
                    [Releases("SbWriters")] public void EndWrite() { }
                }

                interface IOps
                {
                    [CalledWithLocksHeld("FolioLock")] void WritePages();
                }

                sealed class Ops : IOps
                {
                    public void WritePages() { }
                    public void Other() { }
                }

                static class User
                {
                    public static void Writer(SuperBlock sb) { sb.StartWrite(); sb.EndWrite(); }
                    public static void Dispatch(IOps ops) => ops.WritePages();
                }
                """);

            reach.AssertIn("SuperBlock", "StartWrite");
            reach.AssertIn("User", "Writer");
            reach.AssertIn("Ops", "WritePages");
            reach.AssertIn("User", "Dispatch");
            reach.AssertOut("Ops", "Other");
        }

        [Fact]
        public void NothingTouchesALock_EveryBodyIsOut()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Plain
                {
                    private readonly List<int> _items = new() { 1, 2 };
                    public int Sum() { int total = 0; foreach (var item in _items) { total += item; } return total; }
                    public string Describe() => $"{Sum()} items";
                }
                """);

            reach.AssertOut("Plain", "Sum");
            reach.AssertOut("Plain", "Describe");
            reach.AssertOut("Plain", "_items");
            Assert.Equal(0, reach.Reach.MatteringCount);
        }

        [Fact]
        public void LocalLambdaInvokedInItsOwnBody_IsNoDelegateOfElsewhere()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Pool
                {
                    private readonly object _gate = new();
                    public Func<int> Locking() => () => { lock (_gate) { return 1; } };
                }

                static class User
                {
                    public static int OwnLambda(int x) { Func<int, int> scale = v => v * 2; return scale(x); }
                    public static int Reassigned(int x, Func<int, int> other) { Func<int, int> scale = v => v * 2; scale = other; return scale(x); }
                    public static int Parameter(Func<int, int> scale, int x) => scale(x);
                }
                """);

            reach.AssertIn("Pool", "Locking");
            reach.AssertOut("User", "OwnLambda");
            reach.AssertIn("User", "Reassigned");
            reach.AssertIn("User", "Parameter");
        }

        [Fact]
        public void AnnotatedMethodOfReferencedAssembly_CallerIsIn()
        {
            var library = LockLevels.Tests.Support.AnalyzerRunner.Compile(ReachFixture.Usings + """
                public sealed class Pager
                {
                    [Acquires("PageLock")] public void LockPage() { }
                    public void Plain() { }
                }
                """).WithAssemblyName("Pager");
            using var image = new System.IO.MemoryStream();
            Assert.True(library.Emit(image).Success);
            var user = LockLevels.Tests.Support.AnalyzerRunner.Compile(ReachFixture.Usings + """
                static class User
                {
                    public static void Caller(Pager pager) => pager.LockPage();
                    public static void Other(Pager pager) => pager.Plain();
                }
                """).AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));

            var reach = ReachFixture.Of(user);
            reach.AssertIn("User", "Caller");
            reach.AssertOut("User", "Other");
        }

        [Fact]
        public void AttributeThroughAlias_IsASeed()
        {
            var reach = ReachFixture.Of("using Acq = LockLevels.AcquiresAttribute;\n" + ReachFixture.Usings + """
                sealed class Journal
                {
                    [Acq("JournalLock")] public void Begin() { }
                    public void Plain() { }
                }

                static class User
                {
                    public static void Caller(Journal journal) => journal.Begin();
                    public static void Other(Journal journal) => journal.Plain();
                }
                """);

            reach.AssertIn("Journal", "Begin");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("User", "Other");
        }
    }
}
