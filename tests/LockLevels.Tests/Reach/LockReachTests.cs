using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// The first pass keeps every body that may reach a lock, through each call the compiler makes
    /// without a name at the call site (issue 12, item 1), and leaves out lock-free bodies that reach none.
    /// </summary>
    public class LockReachTests
    {
        [Fact]
        public void LockReachedThroughPropertyGetter_CallerIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Cache
                {
                    private readonly object _gate = new();
                    public int Count { get { lock (_gate) { return 1; } } }
                }

                static class User
                {
                    public static int Caller(Cache cache) => cache.Count;
                }
                """);

            reach.AssertIn("Cache", "Count");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Twice");
            reach.AssertOut("Unrelated", "Name");
        }

        [Fact]
        public void LockReachedThroughIndexer_CallerIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Table
                {
                    private readonly object _gate = new();
                    public int this[int i] { get { lock (_gate) { return i; } } }
                }

                static class User
                {
                    public static int Caller(Table table) => table[3];
                    public static int Elsewhere(int[] values) => values.Length;
                }
                """);

            reach.AssertIn("Table", "this[]");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("User", "Elsewhere");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughConstructor_CallersByNameAndTargetTypedNewAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Registry
                {
                    private static readonly object Gate = new();
                    public Registry() { lock (Gate) { } }
                }

                static class User
                {
                    public static object Caller() => new Registry();
                    public static object TargetTyped() { Registry registry = new(); return registry; }
                }
                """);

            reach.AssertIn("Registry", "Registry");
            reach.AssertIn("User", "Caller");
            reach.AssertIn("User", "TargetTyped");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughFieldInitializer_ConstructionIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Holder
                {
                    private static readonly object Gate = new();
                    private readonly int _value = Compute();
                    private static int Compute() { lock (Gate) { return 1; } }
                }

                static class User
                {
                    public static object Caller() => new Holder();
                }
                """);

            reach.AssertIn("Holder", "_value");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Name");
        }

        [Fact]
        public void LockReachedThroughDisposeInUsing_CallerIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Scope : IDisposable
                {
                    private static readonly object Gate = new();
                    public void Dispose() { lock (Gate) { } }
                }

                static class User
                {
                    public static void Caller(Scope scope) { using (scope) { } }
                    public static void Declaration(Scope scope) { using var held = scope; }
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertIn("User", "Declaration");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughGetEnumeratorInForeach_CallerIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Bag : IEnumerable<int>
                {
                    private readonly object _gate = new();
                    private readonly List<int> _items = new();
                    public IEnumerator<int> GetEnumerator() { lock (_gate) { return _items.ToArray().AsEnumerable().GetEnumerator(); } }
                    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                }

                static class Extensions
                {
                    public static IEnumerable<int> AsEnumerable(this int[] items) => items;
                }

                static class User
                {
                    public static int Caller(Bag bag) { int sum = 0; foreach (var item in bag) { sum += item; } return sum; }
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("Extensions", "AsEnumerable");
            reach.AssertOut("Unrelated", "Name");
        }

        [Fact]
        public void LockReachedThroughRaisedEvent_RaiserAndSubscriberAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Bus
                {
                    public event Action? Changed;
                    public event Action? Closed;
                    public void Raise() => Changed?.Invoke();
                    public void RaiseDirectly() { var handler = Changed; if (handler != null) handler(); }
                }

                sealed class Listener
                {
                    private readonly object _gate = new();
                    private void OnChanged() { lock (_gate) { } }
                    public void Attach(Bus bus) => bus.Changed += OnChanged;
                }
                """);

            reach.AssertIn("Listener", "Attach");
            reach.AssertIn("Bus", "Raise");
            reach.AssertIn("Bus", "RaiseDirectly");
            reach.AssertOut("Bus", "Closed");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughMethodGroup_ConverterAndDelegateInvokerAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Worker
                {
                    private readonly object _gate = new();
                    private void Step() { lock (_gate) { } }
                    public void Caller() => Runner.Run(Step);
                }

                static class Runner
                {
                    public static void Run(Action action) => action();
                    public static int Apply(int x) => x;
                }
                """);

            reach.AssertIn("Worker", "Caller");
            reach.AssertIn("Runner", "Run");
            reach.AssertOut("Runner", "Apply");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughLocalFunction_OwnerAndItsCallersAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Journal
                {
                    private readonly object _gate = new();
                    public void Commit() { Flush(); void Flush() { lock (_gate) { } } }
                }

                static class User
                {
                    public static void Caller(Journal journal) => journal.Commit();
                }
                """);

            reach.AssertIn("Journal", "Commit");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Name");
        }

        [Fact]
        public void LockReachedThroughOperator_BodyUsingOperatorsIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                readonly struct Money
                {
                    private static readonly object Gate = new();
                    public static Money operator +(Money a, Money b) { lock (Gate) { return a; } }
                }

                static class User
                {
                    public static Money Caller(Money a, Money b) => a + b;
                    public static int Plain(int x) { return x; }
                }
                """);

            reach.AssertIn("Money", "operator +");
            reach.AssertIn("User", "Caller");
            reach.AssertOut("User", "Plain");
        }

        [Fact]
        public void LockInLambda_OwnerAndDelegateInvokersAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Pool
                {
                    private readonly object _gate = new();
                    public Func<int> Caller() => () => { lock (_gate) { return 1; } };
                }

                static class User
                {
                    public static int Invoker(Func<int> make) => make();
                    public static int Apply(int x) => Math.Abs(x);
                }
                """);

            reach.AssertIn("Pool", "Caller");
            reach.AssertIn("User", "Invoker");
            reach.AssertOut("User", "Apply");
        }

        [Fact]
        public void LockReachedThroughAwait_AwaitingBodyIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Gate
                {
                    private readonly object _gate = new();
                    public Awaiter GetAwaiter() { lock (_gate) { return new Awaiter(); } }
                }

                sealed class Awaiter : System.Runtime.CompilerServices.INotifyCompletion
                {
                    public bool IsCompleted => true;
                    public void GetResult() { }
                    public void OnCompleted(Action continuation) { }
                }

                static class User
                {
                    public static async Task Caller(Gate gate) => await gate;
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("Awaiter", "IsCompleted");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughDeconstruction_DeconstructingBodyIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Pair
                {
                    private readonly object _gate = new();
                    public void Deconstruct(out int a, out int b) { lock (_gate) { a = 1; b = 2; } }
                }

                static class User
                {
                    public static int Caller(Pair pair) { var (a, _) = pair; return a; }
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Name");
        }
    }
}
