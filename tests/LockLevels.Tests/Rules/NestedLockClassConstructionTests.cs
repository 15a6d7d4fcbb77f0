using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NestedLockClassRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// LL0010 and objects made with one another: a nesting that only ever goes down to an object the holder was
    /// made with (a wrapper's wrapped session, a child's parent) cannot be taken the other way, since no chain
    /// of such objects leads back up. A class also nested on another object in any other way is reported as before.
    /// </summary>
    public class NestedLockClassConstructionTests
    {
        /// <summary>MongoDB.Driver's shape: a reference-counted session, disposed under its lock, disposes what it wraps.</summary>
        private const string Sessions = """
            interface ISession : System.IDisposable { void Close(); }

            sealed class Session : ISession
            {
                public void Close() { }

                public void Dispose() { }
            }

            abstract class Wrapping : ISession
            {
                private readonly ISession _wrapped;

                protected Wrapping(ISession wrapped) { _wrapped = GUARD; }

                public void Close() => Dispose();

                public void Dispose() => {|#2:Dispose(true)|};

                protected virtual void Dispose(bool disposing) { if (disposing) { _wrapped.Close(); } }
            }

            sealed class Counted : Wrapping
            {
                private readonly object _lock = new();
                private int _count = 1;

                public Counted(ISession wrapped) : base(wrapped) { }

                public void Decrement() { lock ({|#1:_lock|}) { if (--_count == 0) { {|#0:Dispose()|}; } } }

                public void Increment() { lock (_lock) { _count++; } }
            }

            sealed class Handle : Wrapping
            {
                private readonly Counted COUNTED;

                public Handle(ISession session) : this(new Counted(session)) { }

                private Handle(Counted counted) : base(counted) { COUNTED = counted; }

                public Handle Fork() { COUNTED.Increment(); return new Handle(COUNTED); }

                protected override void Dispose(bool disposing) { if (disposing) { {|#4:COUNTED.Decrement()|}; } base.Dispose(disposing); }

                OTHER
            }

            static class Ensure
            {
                public static T NotNull<T>(T value, string name) where T : class => value ?? throw new System.ArgumentNullException(name);

                public static class Against
                {
                    public static T Null<T>(T value) where T : class => value;
                }
            }

            static class Factory
            {
                public static ISession Open() => new Handle(new Session());
            }
            """;

        private static string Unmarked(string source) => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:(.*?)\|\}", "$1");

        [Theory]
        [InlineData("wrapped")]
        [InlineData("Ensure.NotNull(wrapped, nameof(wrapped))")]
        [InlineData("Ensure.Against.Null(wrapped)")]
        public Task WrapperDisposingWhatItWasMadeWith_IsNotReported(string guard) => Verify.VerifyAnalyzerAsync(
            Unmarked(Sessions.Replace("GUARD", guard).Replace("COUNTED", "_counted").Replace("OTHER", "")));

        [Fact]
        public Task WrapperWhoseWrappedObjectMayBeSetLater_IsReported() => Verify.VerifyAnalyzerAsync(
            Sessions.Replace("GUARD", "wrapped").Replace("private readonly Counted COUNTED;", "private Counted _counted;").Replace("COUNTED", "_counted")
                .Replace("OTHER", "public void Share(Counted counted) => _counted = counted;"),
            Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(4).WithLocation(1)
                .WithArguments("Counted._lock", "_counted", "this", "lock (Counted._lock)", "Wrapping.Dispose → Handle.Dispose → Counted.Decrement → lock (Counted._lock)"));

        /// <summary>A tree: a child made with its parent, its lock held while it tells the parent.</summary>
        private const string Tree = """
            using System.Collections.Generic;

            class Node
            {
                private readonly object _sync = new();
                private readonly Node _parent;
                private readonly List<Node> _children = new();
                private int _count;

                public Node(Node parent) { _parent = parent; }

                public void Changed() { lock ({|#1:_sync|}) { _count++; _parent?{|#0:.Changed()|}; } }

                public void Touch() { lock (_sync) { _count++; } }

                public void Lock() { lock ({|#3:_sync|}) { lock ({|#2:_parent._sync|}) { } } }

                OTHER
            }
            """;

        [Fact]
        public Task ChildTellingTheParentItWasMadeWith_IsNotReported() => Verify.VerifyAnalyzerAsync(Unmarked(Tree.Replace("OTHER", "")));

        [Fact]
        public Task ParentThatAlsoTellsItsChildren_KeepsTheNestingsUpReported() => Verify.VerifyAnalyzerAsync(
            Tree.Replace("OTHER", "public void Broadcast() { lock (_sync) { foreach (var child in _children) { child.Touch(); } } }"),
            Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1).WithLocation(1)
                .WithArguments("Node._sync", "_parent", "this", "lock (Node._sync)", "Node.Changed → lock (Node._sync)"),
            Verify.Diagnostic("LL0010").WithLocation(2).WithLocation(3)
                .WithArguments("Node._sync", "_parent", "this", "lock (Node._sync)", "lock (Node._sync)"));
    }
}
