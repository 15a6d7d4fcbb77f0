using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NestedLockClassRule>;

namespace LockLevels.Tests.Rules
{
    public class NestedLockClassTests
    {
        /// <summary>A kind of lock held in Account._sync: how it is taken and released (X stands for the owner), and how LL0010 names it.</summary>
        public sealed class LockKind
        {
            public LockKind(string name, string member, string take, string release, string level, string description, bool namedByField)
            {
                Name = name;
                Member = member;
                Take = take;
                Release = release;
                Level = level;
                Description = description;
                NamedByField = namedByField;
            }

            public string Name { get; }
            public string Member { get; }
            public string Take { get; }
            public string Release { get; }
            public string Level { get; }
            public string Description { get; }

            /// <summary>An [Acquires] level belongs to the object the method is called on (_sync, other._sync), a lock field to the field's owner.</summary>
            public bool NamedByField { get; }

            /// <summary>How the message names <paramref name="owner"/>'s lock.</summary>
            public string Object(string owner) => !NamedByField ? owner : owner == "this" ? "_sync" : owner + "._sync";

            /// <summary>The Account class with <paramref name="body"/>; TAKE(x) and RELEASE(x) take and release x's lock.</summary>
            public string Source(string body)
            {
                var code = body;
                foreach (var owner in new[] { "this", "other", "from", "to", "target" })
                {
                    var prefix = owner == "this" ? "" : owner + ".";
                    code = code.Replace("TAKE(" + owner + ")", Take.Replace("X", prefix)).Replace("RELEASE(" + owner + ")", Release.Replace("X", prefix));
                }

                return """
                    using System;
                    using System.Threading;
                    using LockLevels;

                    [assembly: LockHierarchy("Journal")]

                    sealed class Journal
                    {
                        [Acquires("Journal")] public void Begin() { }
                        [Releases("Journal")] public void End() { }
                    }

                    class Account
                    {
                    """ + "    " + Member + "\n" + code + "}\n";
            }

            public override string ToString() => Name;
        }

        public static TheoryData<LockKind> Kinds => new()
        {
            new LockKind("Monitor", "private readonly object _sync = new();", "Monitor.Enter(X_sync)", "Monitor.Exit(X_sync)",
                "Account._sync", "Account._sync.Enter", namedByField: false),
            new LockKind("SemaphoreSlim", "private readonly SemaphoreSlim _sync = new(1, 1);", "X_sync.Wait()", "X_sync.Release()",
                "Account._sync", "Account._sync.Wait", namedByField: false),
            new LockKind("ReaderWriterLockSlim", "private readonly ReaderWriterLockSlim _sync = new();", "X_sync.EnterWriteLock()", "X_sync.ExitWriteLock()",
                "Account._sync", "Account._sync.EnterWriteLock", namedByField: false),
            new LockKind("System.Threading.Lock", "private readonly Lock _sync = new();", "X_sync.Enter()", "X_sync.Exit()",
                "Account._sync", "Account._sync.Enter", namedByField: false),
            new LockKind("annotated level", "private readonly Journal _sync = new();", "X_sync.Begin()", "X_sync.End()",
                "Journal", "Journal.Begin", namedByField: true),
        };

        private static DiagnosticResult Nested(LockKind kind, string acquiredOn, string heldOn, string second, int additional)
        {
            var result = Verify.Diagnostic("LL0010").WithLocation(0);
            for (int location = 1; location <= additional; location++)
            {
                result = result.WithLocation(location);
            }

            return result.WithArguments(kind.Level, kind.Object(acquiredOn), kind.Object(heldOn), kind.Description, second);
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnTwoParametersInOneMethod_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                static void Transfer(Account from, Account to)
                {
                    {|#1:TAKE(from)|};
                    {|#0:TAKE(to)|};
                    RELEASE(to);
                    RELEASE(from);
                }
            """), Nested(kind, "to", "from", kind.Description, additional: 1));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnAnotherObjectThroughOneCall_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void MergeInto(Account other)
                {
                    {|#1:TAKE(this)|};
                    {|#0:other.Deposit()|};
                    RELEASE(this);
                }

                void Deposit()
                {
                    {|#2:TAKE(this)|};
                    RELEASE(this);
                }
            """), Nested(kind, "other", "this", "Account.Deposit → " + kind.Description, additional: 2));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnAnotherObjectThroughTwoCalls_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void MergeInto(Account other)
                {
                    {|#1:TAKE(this)|};
                    {|#0:other.Deposit()|};
                    RELEASE(this);
                }

                void Deposit() => {|#2:Post()|};

                void Post()
                {
                    {|#3:TAKE(this)|};
                    RELEASE(this);
                }
            """), Nested(kind, "other", "this", "Account.Deposit → Account.Post → " + kind.Description, additional: 3));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnTwoObjectsInALambda_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                Action MergeInto(Account other) => () =>
                {
                    {|#1:TAKE(this)|};
                    {|#0:TAKE(other)|};
                    RELEASE(other);
                    RELEASE(this);
                };
            """), Nested(kind, "other", "this", kind.Description, additional: 1));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenOnACapturedObjectInALocalFunction_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void MergeInto(Account other)
                {
                    {|#1:TAKE(this)|};
                    {|#0:Move()|};
                    RELEASE(this);

                    void Move()
                    {
                        {|#2:TAKE(other)|};
                        RELEASE(other);
                    }
                }
            """), Nested(kind, "other", "this", "Move → " + kind.Description, additional: 2));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task TakenAgainOnTheSameObject_IsNotReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                void Refresh()
                {
                    TAKE(this);
                    Deposit();
                    RELEASE(this);
                }

                void Deposit()
                {
                    TAKE(this);
                    RELEASE(this);
                }
            """));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task DeclaredNesting_IsNotReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                [LockNesting("from", "to")]
                static void Transfer(Account from, Account to)
                {
                    TAKE(from);
                    TAKE(to);
                    RELEASE(to);
                    RELEASE(from);
                }
            """));

        [Theory]
        [MemberData(nameof(Kinds))]
        public Task NestingAgainstTheDeclaredOrder_IsReported(LockKind kind) => Verify.VerifyAnalyzerAsync(kind.Source("""
                [LockNesting("from", "to")]
                static void Refund(Account from, Account to)
                {
                    {|#1:TAKE(to)|};
                    {|#0:TAKE(from)|};
                    RELEASE(from);
                    RELEASE(to);
                }
            """), Nested(kind, "from", "to", kind.Description, additional: 1));

        [Fact]
        public Task LockStatementHeldWhileAnotherObjectLocksItsField_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Ledger
            {
                private readonly object _sync = new();
                private int _total;

                public void AddAll(Ledger other, int amount)
                {
                    lock ({|#1:_sync|})
                    {
                        _total += amount;
                        {|#0:other.Add(amount)|};
                    }
                }

                public void Add(int amount)
                {
                    lock ({|#2:_sync|}) { _total += amount; }
                }
            }
            """), Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Ledger._sync", "other", "this", "lock (Ledger._sync)", "Ledger.Add → lock (Ledger._sync)"));

        [Fact]
        public Task ParentAndChildOfATypeKeyedClass_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Node
            {
                static void Link(Node parent, Node child)
                {
                    lock ({|#1:parent|})
                    {
                        lock ({|#0:child|}) { }
                    }
                }
            }
            """), Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1)
                .WithArguments("instances of Node", "child", "parent", "lock (instances of Node)", "lock (instances of Node)"));

        [Fact]
        public Task ParentAndChildDeclaredInOrder_IsNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Node
            {
                [LockNesting("parent", "child")]
                static void Link(Node parent, Node child)
                {
                    lock (parent)
                    {
                        lock (child) { }
                    }
                }
            }
            """));

        [Fact]
        public Task ObjectsWithoutNames_AreNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Node
            {
                static void Link(Node[] nodes)
                {
                    lock (nodes[0])
                    {
                        lock (nodes[1]) { }
                    }
                }
            }
            """));

        [Fact]
        public Task OneFieldOnTwoObjectsInBothOrders_IsReportedAtBothNestings() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Account
            {
                private readonly object _sync = new();

                static void Transfer(Account from, Account to)
                {
                    lock ({|#1:from._sync|})
                    {
                        lock ({|#0:to._sync|}) { }
                    }
                }

                static void Refund(Account from, Account to)
                {
                    lock ({|#3:to._sync|})
                    {
                        lock ({|#2:from._sync|}) { }
                    }
                }
            }
            """),
            Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1).WithArguments("Account._sync", "to", "from", "lock (Account._sync)", "lock (Account._sync)"),
            Verify.Diagnostic("LL0010").WithLocation(2).WithLocation(3).WithArguments("Account._sync", "from", "to", "lock (Account._sync)", "lock (Account._sync)"));

        [Fact]
        public Task TwoObjectsOrderedByAKey_AreNotReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Account
            {
                public readonly object Gate = new();
                public int Id;

                static void Transfer(Account from, Account to)
                {
                    var (first, second) = from.Id < to.Id ? (from, to) : (to, from);
                    lock (first.Gate) { lock (second.Gate) { } }
                }

                static void Refund(Account from, Account to)
                {
                    var low = from.Id < to.Id ? from : to;
                    var high = from.Id < to.Id ? to : from;
                    lock (low.Gate) { lock (high.Gate) { } }
                }
            }
            """));

        [Fact]
        public Task TwoObjectsChosenByDifferentConditions_AreReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Account
            {
                public readonly object Gate = new();
                public int Id;

                static void Transfer(Account from, Account to)
                {
                    var low = from.Id < to.Id ? from : to;
                    var high = from.Id > to.Id ? to : from;
                    lock ({|#1:low.Gate|}) { lock ({|#0:high.Gate|}) { } }
                }
            }
            """), Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1)
                .WithArguments("Account.Gate", "high", "low", "lock (Account.Gate)", "lock (Account.Gate)"));

        [Fact]
        public Task MoveToAnotherAccountUnderItsOwnLock_IsReported() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Account
            {
                private readonly object _sync = new();
                private decimal _balance;

                public void MoveTo(Account other, decimal amount)
                {
                    lock ({|#1:_sync|})
                    {
                        _balance -= amount;
                        {|#0:other.Deposit(amount)|};
                    }
                }

                public void Deposit(decimal amount) { lock ({|#2:_sync|}) { _balance += amount; } }
            }
            """), Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Account._sync", "other", "this", "lock (Account._sync)", "Account.Deposit → lock (Account._sync)"));

        [Fact]
        public Task TwoFieldsOfOneLevelOnOneObject_AreNamedByField() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            [assembly: LockHierarchy("Bucket")]

            class Table
            {
                [Lock("Bucket")] private readonly object _left = new();
                [Lock("Bucket")] private readonly object _right = new();

                void Rehash()
                {
                    lock ({|#1:_left|})
                    {
                        lock ({|#0:_right|}) { }
                    }
                }
            }
            """), Verify.Diagnostic("LL0010").WithLocation(0).WithLocation(1)
                .WithArguments("Bucket", "_right", "_left", "lock (Table._left)", "lock (Table._right)"));

        [Fact]
        public Task ObjectReachedThroughAnotherObjectsField_IsNotNamed() => Verify.VerifyAnalyzerAsync(RuleSources.Bare("""
            class Connector
            {
                private readonly object _sync = new();
                private readonly Buffer _buffer;

                public Connector() { _buffer = new Buffer(this); }

                void Write() { lock (_sync) { _buffer.Flush(); } }

                public void Break() { lock (_sync) { } }
            }

            class Buffer
            {
                public Buffer(Connector connector) { Connector = connector; }

                // A back-pointer: this.Connector is the connector that called Flush.
                public Connector Connector { get; }

                public void Flush() => Connector.Break();
            }
            """));
    }
}
