using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>
    /// A lock of an object the caller has just created, and not let out, cannot be waited on: no other
    /// thread can hold it yet. Once the object is passed, stored, captured or published by its own
    /// constructor, its locks count again.
    /// </summary>
    public class FreshObjectTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        /// <summary>Npgsql's shape: cancelling through a new connector, whose Break takes that connector's own lock.</summary>
        private const string Connector = """
            class Connector
            {
                private readonly object _sync = new();
                private readonly object _cancel = new();

                CONSTRUCTOR

                public void Cancel()
                {
                    lock (_cancel)
                    {
                        var helper = new Connector();
                        USE
                        {|#0:helper.Break()|};
                    }
                }

                public void Break() { lock (_sync) { } }

                public void Use() { lock (_sync) { lock ({|#1:_cancel|}) { } } }
            }

            static class Registry
            {
                public static void Add(Connector connector) { }
            }
            """;

        private static string Code(string constructor = "", string use = "", bool marked = false)
        {
            var code = Connector.Replace("CONSTRUCTOR", constructor).Replace("USE", use);
            return marked ? code : code.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "");
        }

        [Fact]
        public Task OwnLockOfANewObject_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(Code());

        [Fact]
        public Task OwnLockOfANewObject_ThroughItsOwnCalls_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(
            Code().Replace("public void Break() { lock (_sync) { } }", "public void Break() => Close();\n\n    private void Close() { lock (_sync) { } }"));

        [Fact]
        public Task OwnLockOfANewObject_TakenInItsConstructor_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(
            Code(constructor: "public Connector() { lock (_sync) { } }").Replace("helper.Break();", ""));

        [Theory]
        [InlineData("Registry.Add(helper);")]
        [InlineData("System.Action later = () => helper.Break();")]
        public Task NewObjectLetOutBeforeTheCall_IsAnEdge(string use) => Verify.VerifyAnalyzerAsync(Code(use: use, marked: true),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        [Theory]
        [InlineData("public Connector() { Registry.Add(this); }")]
        [InlineData("public Connector() { Start(); }\n\n    private void Start() => Registry.Add(this);")]
        [InlineData("public Connector() { System.Action tick = Break; }")]
        public Task NewObjectItsConstructorLetsOut_IsAnEdge(string constructor) => Verify.VerifyAnalyzerAsync(Code(constructor: constructor, marked: true),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        /// <summary>A helper the new object keeps, that only stores what it is given, and a timer made unstarted.</summary>
        private const string Helpers = """

            class Reader
            {
                private readonly Connector _owner;
                private readonly int _id;

                public Reader(Connector owner) { _owner = owner; _id = owner.Id; }
            }

            class Leaking
            {
                private readonly Connector _owner;

                public Leaking(Connector owner) { _owner = owner; Registry.Add(owner); }
            }

            class Publishing
            {
                private readonly Connector _owner;

                public Publishing(Connector owner) { _owner = owner; Others.Add(this); }
            }

            class Source : System.Diagnostics.Tracing.EventSource
            {
                private readonly Connector _owner;

                public Source(Connector owner) { _owner = owner; }
            }

            class Args : System.EventArgs
            {
                private readonly Connector _owner;

                public Args(Connector owner) { _owner = owner; }
            }

            static class Others
            {
                public static void Add(object helper) { }
            }
            """;

        private const string Members = "public int Id => 1;\n\n    private object _helper;\n\n    private System.Threading.Timer _timer;\n\n    private void Tick(object state) => Break();\n\n    ";

        [Theory]
        [InlineData("public Connector() { _helper = new Reader(this); }")]
        [InlineData("public Connector() { this._helper = new Args(this); }")]
        [InlineData("public Connector() { _timer = new System.Threading.Timer(Tick, null, System.Threading.Timeout.Infinite, System.Threading.Timeout.Infinite); }")]
        [InlineData("public Connector() { _timer = new System.Threading.Timer(_ => Break(), null, -1, -1); }")]
        [InlineData("public Connector() : this(2) { }\n\n    public Connector(int size) { System.Func<int, int> twice = n => n * size; _helper = twice; }")]
        [InlineData("public Connector() { System.Action<object> log = static o => o.ToString(); }")]
        public Task NewObjectHandedOnlyToWhatItKeeps_IsNotAnEdge(string constructor) => Verify.VerifyAnalyzerAsync(
            Code(constructor: Members + constructor) + Helpers);

        [Theory]
        [InlineData("public Connector() { _helper = new Leaking(this); }")]
        [InlineData("public Connector() { _helper = new Publishing(this); }")]
        [InlineData("public Connector() { _helper = new Source(this); }")]
        [InlineData("public Connector() { var reader = new Reader(this); _helper = reader; }")]
        [InlineData("public Connector() { Others.Add(new Reader(this)); }")]
        [InlineData("public Connector() { _timer = new System.Threading.Timer(Tick, null, 0, 1000); }")]
        [InlineData("public Connector() { System.Action tick = () => Break(); Others.Add(tick); }")]
        [InlineData("public Connector() { System.Func<int> id = () => Id; Others.Add(id); }")]
        [InlineData("public Connector() { _timer = new System.Threading.Timer(Tick, null, System.Threading.Timeout.Infinite, 1000); _timer.Change(0, 1000); }")]
        public Task NewObjectHandedToWhatLetsItOut_IsAnEdge(string constructor) => Verify.VerifyAnalyzerAsync(
            Code(constructor: Members + constructor, marked: true) + Helpers,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        [Fact]
        public Task OwnLockInAnAutoPropertyOfANewObject_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(
            Code().Replace("private readonly object _sync = new();", "private object _sync { get; } = new();"));

        [Fact]
        public Task LockInAPropertyOthersCanSet_IsAnEdge() => Verify.VerifyAnalyzerAsync(
            Code(marked: true).Replace("private readonly object _sync = new();", "public object _sync { get; set; } = new();"),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        [Fact]
        public Task LockObjectTheCreatorHandsIn_IsAnEdge() => Verify.VerifyAnalyzerAsync(Code(marked: true)
                .Replace("private readonly object _sync = new();", "private readonly object _sync;")
                .Replace("CONSTRUCTOR", "")
                .Replace("new Connector()", "new Connector(_sync)")
                .Replace("public void Cancel()", "public Connector(object sync) { _sync = sync; }\n\n    public void Cancel()"),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        [Fact]
        public Task StaticLockReachedThroughANewObject_IsAnEdge() => Verify.VerifyAnalyzerAsync("""
            class Connector
            {
                private static readonly object Pool = new();
                private readonly object _cancel = new();

                public void Cancel()
                {
                    lock (_cancel)
                    {
                        var helper = new Connector();
                        {|#0:helper.Break()|};
                    }
                }

                public void Break() { lock (Pool) { } }

                public void Use() { lock (Pool) { lock ({|#1:_cancel|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Connector.Pool → Connector._cancel (Use: lock (Connector._cancel)) → Connector.Pool (Cancel: Connector.Break → lock (Connector.Pool))"));
    }
}
