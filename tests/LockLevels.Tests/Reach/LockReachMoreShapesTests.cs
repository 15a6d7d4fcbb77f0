using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// More calls the first pass must see without a name at the call site, or by a name other than
    /// the callee's declaration spells (issue 12, item 1): conversions, collection initializers, base
    /// constructors, static constructors, finalizers, partial members, explicit implementations,
    /// overrides and interface dispatch, extension methods.
    /// </summary>
    public class LockReachMoreShapesTests
    {
        [Fact]
        public void LockReachedThroughExplicitConversion_CastingBodyIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                readonly struct Money
                {
                    private static readonly object Gate = new();
                    public static explicit operator int(Money m) { lock (Gate) { return 0; } }
                }

                static class User
                {
                    public static int Caller(Money m) => (int)m;
                    public static int Plain(long x) => unchecked(x > 0 ? 1 : 0);
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("User", "Plain");
        }

        /// <summary>
        /// A conversion from the type's own type parameter runs wherever a value becomes the type: its mentions (here a
        /// parameter's, through which a helper converts an argument it never names) stand for it; a mention of some other
        /// generic's <c>T</c> does not.
        /// </summary>
        [Fact]
        public void LockReachedThroughConversionFromATypeParameter_BodiesWhereTheTypeFlowsAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                readonly struct Option<T>
                {
                    private static readonly object Gate = new();
                    public static implicit operator Option<T>(T value) { lock (Gate) { return default; } }
                }

                static class Store
                {
                    public static void Take(Option<int> value) { }
                    public static void Helper() => Take(5);
                    public static T Echo<T>(T value) { T copy = value; return copy; }
                }
                """);

            reach.AssertIn("Store", "Take");
            reach.AssertIn("Store", "Helper");
            reach.AssertOut("Store", "Echo");
        }

        [Fact]
        public void LockReachedThroughImplicitConversion_BodiesWhereItsTypeFlowsAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                readonly struct Money
                {
                    private static readonly object Gate = new();
                    public static implicit operator int(Money m) { lock (Gate) { return 0; } }
                }

                static class Till
                {
                    public static Money Kept;
                    public static int Total(Money m) => m;
                    public static int FromField() => Kept;
                    public static int Sum(List<Money> all) { int sum = 0; foreach (var m in all) { sum += m; } return sum; }
                    public static int Plain(int x) => x;
                }
                """);

            // An implicit conversion runs where a value of its type flows: a body that mentions the type, or
            // reads a member declared with it.
            reach.AssertIn("Till", "Total");
            reach.AssertIn("Till", "FromField");
            reach.AssertIn("Till", "Sum");
            reach.AssertOut("Till", "Plain");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockReachedThroughCollectionInitializerAdd_InitializingBodyIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Registry : IEnumerable
                {
                    private readonly object _gate = new();
                    public void Add(int item) { lock (_gate) { } }
                    public IEnumerator GetEnumerator() => Array.Empty<int>().GetEnumerator();
                }

                static class User
                {
                    public static object Caller() => new Registry { 1, 2 };
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockInBaseConstructor_DerivedConstructorsAndTheirCreatorsAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                class Base
                {
                    private static readonly object Gate = new();
                    protected Base() { lock (Gate) { } }
                }

                sealed class Explicit : Base
                {
                    public Explicit() : base() { }
                }

                sealed class Implicit : Base
                {
                    public Implicit() { }
                }

                static class User
                {
                    public static object MakeExplicit() => new Explicit();
                    public static object MakeImplicit() => new Implicit();
                }
                """);

            reach.AssertIn("Explicit", "Explicit");
            reach.AssertIn("Implicit", "Implicit");
            reach.AssertIn("User", "MakeExplicit");
            reach.AssertIn("User", "MakeImplicit");
        }

        [Fact]
        public void LockInStaticConstructorAndFinalizer_TheirBodiesAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                sealed class Pool
                {
                    private static readonly object Gate = new();
                    static Pool() { lock (Gate) { } }
                    ~Pool() { lock (Gate) { } }
                    public int Size() => 1;
                }
                """);

            reach.AssertIn("Pool", "static Pool");
            Assert.True(reach.Reach.MayMatter(FinalizerOf(reach, "Pool")), "the finalizer should be in");
            reach.AssertOut("Pool", "Size");
        }

        [Fact]
        public void LockInPartialMethodAndPropertyImplementations_CallersAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                partial class Journal
                {
                    public partial void Commit();
                    public partial int Size { get; }
                }

                partial class Journal
                {
                    private readonly object _gate = new();
                    public partial void Commit() { lock (_gate) { } }
                    public partial int Size { get { lock (_gate) { return 1; } } }
                }

                static class User
                {
                    public static void Caller(Journal journal) => journal.Commit();
                    public static int Reader(Journal journal) => journal.Size;
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertIn("User", "Reader");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockInExplicitImplementationAndOverride_InterfaceAndVirtualCallersAreIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                interface IFlusher { void Flush(); }
                abstract class Store { public abstract void Save(); }

                sealed class Disk : Store, IFlusher
                {
                    private readonly object _gate = new();
                    void IFlusher.Flush() { lock (_gate) { } }
                    public override void Save() { lock (_gate) { } }
                }

                static class User
                {
                    public static void ByInterface(IFlusher flusher) => flusher.Flush();
                    public static void ByBase(Store store) => store.Save();
                }
                """);

            reach.AssertIn("User", "ByInterface");
            reach.AssertIn("User", "ByBase");
            reach.AssertOut("Unrelated", "Twice");
        }

        [Fact]
        public void LockInExtensionMethod_CallerOnItsReceiverIsIn()
        {
            var reach = ReachFixture.Of(ReachFixture.Usings + """
                static class Extensions
                {
                    private static readonly object Gate = new();
                    public static void Sync(this string path) { lock (Gate) { } }
                }

                static class User
                {
                    public static void Caller(string path) => path.Sync();
                }
                """);

            reach.AssertIn("User", "Caller");
            reach.AssertOut("Unrelated", "Name");
        }

        private static Microsoft.CodeAnalysis.SyntaxNode FinalizerOf(ReachFixture reach, string type)
        {
            foreach (var tree in reach.Compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.DestructorDeclarationSyntax destructor && destructor.Identifier.ValueText == type)
                    {
                        return destructor;
                    }
                }
            }

            throw new Xunit.Sdk.XunitException("no finalizer of " + type);
        }
    }
}
