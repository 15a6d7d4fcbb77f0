using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// Where the syntax says which member a name can be, the first pass follows only that (issue 12, item 1,
    /// on real code, where names collide): a property read reaches no method of its name, an operator no
    /// operator of another token, a call without a receiver only the methods of its type and bases, a call
    /// on a receiver whose type is declared only that type's methods (and overrides, implementations and
    /// extension methods), a constructor only the <c>new()</c> calls it can take the arguments of. Each
    /// test also shows the body that does reach the lock.
    /// </summary>
    public class LockReachTypedNamesTests
    {
        [Fact]
        public void PropertyNamedLikeALockingMethod_ReadingItIsOut()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Connector { private readonly object _gate = new(); public void Open() { lock (_gate) { } } }
                sealed class Path { public bool Open { get; set; } }

                static class User
                {
                    public static bool Read(Path path) => path.Open;
                    public static void Call(dynamic connector) => connector.Open();
                }
                """);

            reach.AssertOut("User", "Read");
            reach.AssertIn("User", "Call");
        }

        [Fact]
        public void OperatorOfAnotherToken_IsOut()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                readonly struct Money
                {
                    private static readonly object Gate = new();
                    public static bool operator ==(Money a, Money b) { lock (Gate) { return true; } }
                    public static bool operator !=(Money a, Money b) => false;
                    public override bool Equals(object o) => false;
                    public override int GetHashCode() => 0;
                }

                static class User
                {
                    public static int Add(int a, int b) => a + b;
                    public static bool Different(Money a, Money b) => a != b;
                    public static bool Same(Money a, Money b) => a == b;
                }
                """);

            reach.AssertOut("User", "Add");
            reach.AssertOut("User", "Different");
            reach.AssertIn("User", "Same");
        }

        [Fact]
        public void CallWithoutReceiver_ReachesOnlyItsTypeAndBases()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                class Journal { private readonly object _gate = new(); protected void Flush() { lock (_gate) { } } }
                sealed class Derived : Journal { public void Commit() => Flush(); public void Push() => this.Flush(); }
                sealed class Stranger { private void Flush() { } public void Commit() => Flush(); }
                """);

            reach.AssertIn("Derived", "Commit");
            reach.AssertIn("Derived", "Push");
            reach.AssertOut("Stranger", "Commit");
        }

        [Fact]
        public void VirtualCallWithoutReceiver_ReachesOverridesInDerivedTypes()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                abstract class Target { public void Close() => CloseCore(); protected abstract void CloseCore(); }
                sealed class FileTarget : Target { private readonly object _gate = new(); protected override void CloseCore() { lock (_gate) { } } }
                """);

            reach.AssertIn("Target", "Close");
        }

        [Fact]
        public void CallOnATypedReceiver_ReachesThatTypeAndItsImplementations()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                interface IRunner { void Run(); }
                class Worker { private readonly object _gate = new(); public void Run() { lock (_gate) { } } }
                sealed class Pooled : Worker, IRunner { }
                sealed class Idle { public void Run() { } }

                sealed class User
                {
                    private readonly Idle _idle = new();
                    private readonly IRunner _runner = new Pooled();
                    public void ThroughLocal() { var worker = new Worker(); worker.Run(); }
                    public void ThroughInterface() => _runner.Run();
                    public void ThroughOther(Idle idle) { idle.Run(); _idle.Run(); this._idle.Run(); }
                }
                """);

            reach.AssertIn("User", "ThroughLocal");
            // Worker.Run implements IRunner.Run in Pooled.
            reach.AssertIn("User", "ThroughInterface");
            reach.AssertOut("User", "ThroughOther");
        }

        [Fact]
        public void CallOnATypeOfAnotherAssembly_ReachesOnlyExtensionMethods()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Formatter { private readonly object _gate = new(); public string Format(string s) { lock (_gate) { return s; } } }
                sealed class Options { public Func<string, string> Format { get; set; } = s => s; }
                static class Clock { private static readonly object Gate = new(); public static long Stamp(this DateTime time) { lock (Gate) { return 0; } } }

                static class User
                {
                    public static string Text(int n) => string.Format("{0}", n) + Math.Max(n, 1);
                    public static long Now() => DateTime.Now.Stamp();
                    public static string Through(Formatter formatter) => formatter.Format("x");
                }
                """);

            reach.AssertOut("User", "Text");
            reach.AssertIn("User", "Now");
            reach.AssertIn("User", "Through");
        }

        [Fact]
        public void MemberInheritedFromAGenericBaseOfAnotherAssembly_IsFollowed()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Item { private readonly object _gate = new(); public void Touch() { lock (_gate) { } } }
                sealed class Items : List<Item>
                {
                    public void TouchFirst() => this[0].Touch();
                }
                sealed class Holder : Lazy<Item>
                {
                    public Holder() : base(() => new Item()) { }
                    public void TouchValue() => Value.Touch();
                }
                """);

            reach.AssertIn("Items", "TouchFirst");
            reach.AssertIn("Holder", "TouchValue");
        }

        [Fact]
        public void ValueOfATypeParameter_ReachesEveryMethodOfTheName()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                class Node { private readonly object _gate = new(); public void Visit() { lock (_gate) { } } public Node Next => this; }
                sealed class Walker<TNode> where TNode : Node
                {
                    private readonly TNode _first;
                    public Walker(TNode first) => _first = first;
                    public void Step() => _first.Next.Visit();
                    public void Here(TNode node) => node.Visit();
                }
                """);

            reach.AssertIn("Walker", "Step");
            reach.AssertIn("Walker", "Here");
        }

        [Fact]
        public void ElementAccess_ReachesOnlyTheIndexersOfTheReceiversType()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Table
                {
                    private readonly object _gate = new();
                    public int this[int i] { get { lock (_gate) { return i; } } }
                    public int First() => this[0];
                }

                static class User
                {
                    public static int Bytes(byte[] data, List<int> list) => data[0] + list[0];
                    public static int Rows(Table table) => table[1];
                    public static int Any(dynamic table) => table[1];
                }
                """);

            reach.AssertOut("User", "Bytes");
            reach.AssertIn("User", "Rows");
            reach.AssertIn("User", "Any");
            reach.AssertIn("Table", "First");
        }

        [Fact]
        public void Using_ReachesTheDisposeOfTheResourcesType()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Handle : IDisposable { private readonly object _gate = new(); public void Dispose() { lock (_gate) { } } }

                static class User
                {
                    public static void Buffer() { using (var stream = new System.IO.MemoryStream()) { } }
                    public static void Owned() { using var handle = new Handle(); }
                    public static void Given(IDisposable resource) { using (resource) { } }
                }
                """);

            reach.AssertOut("User", "Buffer");
            reach.AssertIn("User", "Owned");
            reach.AssertIn("User", "Given");
        }

        [Fact]
        public void TargetTypedNew_ReachesOnlyConstructorsTakingItsArguments()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Gate { private static readonly object Lock = new(); public Gate(int size) { lock (Lock) { } } }
                sealed class Pair { public Pair(int a, int b) { } }

                static class User
                {
                    public static void Take(object o) { }
                    public static void Two() => Take(new Pair(1, 2) is { } p ? p : null!);
                    public static Gate Make() => new(4);
                    public static void Unknown(Action<Gate> use) => use(new(1));
                }
                """);

            reach.AssertIn("User", "Make");
            reach.AssertIn("User", "Unknown");
            reach.AssertOut("User", "Two");
        }

        [Fact]
        public void ConstantNamedLikeADelegate_IsNoDelegateCall()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                static class Codes { internal const byte Parse = (byte)'P'; }
                sealed class Handlers { private readonly object _gate = new(); public Action Flush => () => { lock (_gate) { } }; }

                static class User
                {
                    public static int Number(string s) => int.Parse(s) + Codes.Parse;
                    public static void Local() { Func<int> parse = () => 1; parse(); }
                    public static void Field(Handlers handlers) => handlers.Flush();
                }
                """);

            reach.AssertOut("User", "Number");
            reach.AssertOut("User", "Local");
            reach.AssertIn("User", "Field");
        }

        [Fact]
        public void UsingStatic_CallWithoutReceiverReachesTheImportedType()
        {
            var reach = ReachFixture.Of("""
                using static Locks;

                static class Locks { private static readonly object Gate = new(); public static void Take() { lock (Gate) { } } }
                static class User { public static void Call() => Take(); }
                """);

            reach.AssertIn("User", "Call");
        }
    }
}
