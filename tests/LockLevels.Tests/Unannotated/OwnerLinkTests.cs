using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>
    /// A new object's own locks, reached through a helper it made with itself as the helper's owner and
    /// back through the helper's pointer to it (Npgsql: a connector's write buffer calls
    /// <c>Connector.Break()</c>), are still the new object's: no edge. A helper that may point at another
    /// object, or a member that may hold someone else's helper, makes the edge count again.
    /// </summary>
    public class OwnerLinkTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        private const string Code = """
            class Connector
            {
                private readonly object _sync = new();
                private readonly object _cancel = new();
                private Buffer _buffer;

                public void Open() { _buffer = new Buffer(this); }

                public void Cancel()
                {
                    lock (_cancel)
                    {
                        var helper = new Connector();
                        {|#0:helper.Request()|};
                    }
                }

                public void Request() => {|#1:Flush()|};

                private void Flush() => {|#2:_buffer.Flush()|};

                public void Break() { lock ({|#5:_sync|}) { } }

                public void Use() { lock (_sync) { lock ({|#4:_cancel|}) { } } }
            }

            class Buffer
            {
                private readonly Connector _owner;

                public Buffer(Connector owner) { _owner = owner; }

                public void Flush() => {|#3:_owner.Break()|};
            }
            """;

        private static string Unmarked(string code)
        {
            foreach (var marker in new[] { "{|#0:", "{|#1:", "{|#2:", "{|#3:", "{|#4:", "{|#5:" })
            {
                code = code.Replace(marker, "");
            }

            return code.Replace("|}", "");
        }

        private static Task Reported(string code) => Verify.VerifyAnalyzerAsync(code,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(5).WithLocation(4)
                .WithMessage(Prefix + "Connector._cancel → Connector._sync (Cancel: Connector.Request → … 2 calls … → Connector.Break → lock (Connector._sync)) → Connector._cancel (Use: lock (Connector._cancel))"));

        [Fact]
        public Task OwnLockThroughAnOwnedHelpersBackPointer_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(Unmarked(Code));

        [Theory]
        [InlineData("private Buffer _buffer;", "private Buffer _buffer { get; set; } = null!;")]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open() { _buffer = new Buffer(size: 4, owner: this); }")]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open() { _buffer ??= new Buffer(this); }\n\n    public void Close() { _buffer = null; }")]
        [InlineData("public Buffer(Connector owner) { _owner = owner; }", "public Buffer(Connector owner) : this(owner, 4) { }")]
        [InlineData("private readonly Connector _owner;", "private Connector _owner { get; }")]
        [InlineData("public Buffer(Connector owner) { _owner = owner; }", "public Buffer(Connector owner) { _owner = owner ?? throw new System.ArgumentNullException(); }")]
        public Task OwnedHelperVariants_AreNotEdges(string original, string replacement) => Verify.VerifyAnalyzerAsync(
            Unmarked(Code).Replace(original, replacement)
                .Replace("public Buffer(Connector owner)", "public Buffer(Connector owner, int size) { _owner = owner; }\n\n    public Buffer(Connector owner)"));

        [Fact]
        public Task HelperMadeByADerivedBufferThroughItsBase_IsNotAnEdge() => Verify.VerifyAnalyzerAsync(
            Unmarked(Code).Replace("new Buffer(this)", "new PooledBuffer(this, 4)")
                + "\nclass PooledBuffer : Buffer\n{\n    public PooledBuffer(Connector connector, int size) : base(connector) { }\n}\n");

        [Theory]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open(Connector other) { _buffer = new Buffer(other); }")]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open(Buffer shared) { _buffer = shared; }")]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open(Connector other) { _buffer = new Buffer(this); other._buffer = new Buffer(this); }")]
        [InlineData("public void Open() { _buffer = new Buffer(this); }", "public void Open() { _buffer = new Buffer(this); }\n\n    public Connector Twin() => new Connector { _buffer = new Buffer(this) };")]
        [InlineData("private Buffer _buffer;", "internal Buffer _buffer;")]
        [InlineData("private readonly Connector _owner;", "private Connector _owner;\n\n    public void Retarget(Connector other) { _owner = other; }")]
        [InlineData("private readonly Connector _owner;", "private readonly Connector _owner;\n\n    private readonly Connector _previous;")]
        [InlineData("public Buffer(Connector owner) { _owner = owner; }", "public Buffer(Connector owner) { _owner = Pick(owner); }\n\n    private static Connector Pick(Connector owner) => new Connector();")]
        public Task HelperThatMayPointElsewhere_IsAnEdge(string original, string replacement) => Reported(Code.Replace(original, replacement)
            .Replace("private readonly Connector _previous;", "private readonly Connector _previous;\n\n    public Buffer(Connector owner, Connector previous) { _owner = owner; _previous = previous; }"));

        [Fact]
        public Task TheSameHelperCalledOnAnotherConnector_IsAnEdge() => Reported(Code
            .Replace("private void Flush() => {|#2:_buffer.Flush()|};", "private void Flush() => {|#2:Peer._buffer.Flush()|};\n\n    public Connector Peer;"));
    }
}
