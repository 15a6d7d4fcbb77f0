using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NotHeldRule>;

namespace LockLevels.Tests.Rules
{
    public class NotHeldTests
    {
        /// <summary>Two unordered levels: nothing but the "must not hold" declarations relates them.</summary>
        private const string Levels = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("Root")]
            [assembly: LockHierarchy("Node")]

            """;

        private static DiagnosticResult Member(string level, string holder, string member, string chain, int hops = 0)
        {
            var result = Verify.Diagnostic(Analyzers.Descriptors.NotHeldMemberReached).WithLocation(0);
            for (int hop = 1; hop <= hops; hop++)
            {
                result = result.WithLocation(hop);
            }

            return result.WithArguments(level, holder, member, chain);
        }

        private static DiagnosticResult Level(string acquired, string held, string holder, string chain, int hops = 0)
        {
            var result = Verify.Diagnostic(Analyzers.Descriptors.NotHeldLevelAcquired).WithLocation(0);
            for (int hop = 1; hop <= hops; hop++)
            {
                result = result.WithLocation(hop);
            }

            return result.WithArguments(acquired, held, holder, chain);
        }

        [Fact]
        public Task DirectCallHoldingTheLevel_IsReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                void Insert()
                {
                    lock (_node)
                    {
                        {|#0:Rebalance()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "Tree.Rebalance", "Tree.Rebalance"));

        [Fact]
        public Task ThroughTwoCalls_IsReportedAtTheCallerThatHolds_WithTheChain() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                void Insert() => {|#1:Grow()|};

                void Grow() => {|#2:Rebalance()|};

                void Add()
                {
                    lock (_node)
                    {
                        {|#0:Insert()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "Tree.Rebalance", "Tree.Insert → Tree.Grow → Tree.Rebalance", hops: 2));

        [Fact]
        public Task ThroughALambdaInvokedUnderTheLock_IsReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                void Insert()
                {
                    Action fix = () => {|#1:Rebalance()|};
                    lock (_node)
                    {
                        {|#0:fix()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "Tree.Rebalance", "the lambda in Insert → Tree.Rebalance", hops: 1));

        [Fact]
        public Task LevelHeldOnEntryOfADeepContext_IsReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                [CalledWithLocksHeld("Node")] void Visit() => {|#0:Rebalance()|};
            }
            """, Member("Node", "held on entry: Tree.Visit is [CalledWithLocksHeld]", "Tree.Rebalance", "Tree.Rebalance"));

        [Fact]
        public Task InterfaceMemberCalledHoldingTheLevel_IsReported() => Verify.VerifyAnalyzerAsync(Levels + """
            interface IBalancer { [CalledWithLocksNotHeld("Node")] void Rebalance(); }

            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                void Insert(IBalancer balancer)
                {
                    lock (_node)
                    {
                        {|#0:balancer.Rebalance()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "IBalancer.Rebalance", "IBalancer.Rebalance"));

        [Fact]
        public Task PropertyAnnotation_AppliesToItsGetter() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                [CalledWithLocksNotHeld("Node")] int Depth => 0;

                int Insert()
                {
                    lock (_node)
                    {
                        return {|#0:Depth|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "Tree.Depth", "Tree.Depth"));

        [Fact]
        public Task LevelReleasedBeforeTheCall_IsNotReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                void Insert()
                {
                    lock (_node)
                    {
                    }

                    Rebalance();
                    Monitor.Enter(_node);
                    Monitor.Exit(_node);
                    Rebalance();
                }
            }
            """);

        [Fact]
        public Task OtherLevelHeld_IsNotReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Root")] private readonly object _root = new();

                [CalledWithLocksNotHeld("Node")] void Rebalance() { }

                void Insert()
                {
                    lock (_root)
                    {
                        Rebalance();
                    }
                }
            }
            """);

        [Fact]
        public Task UnannotatedCode_IsNotReported() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                void Rebalance() { }

                void Insert()
                {
                    lock (_node)
                    {
                        Rebalance();
                    }
                }
            }
            """);

        [Fact]
        public Task LevelWide_DirectAcquisitionWhileExcludedLevelHeld_IsReported() => Verify.VerifyAnalyzerAsync(Levels + """
            [assembly: AcquiredWithLocksNotHeld("Root", "Node")]

            class Tree
            {
                [Lock("Root")] private readonly object _root = new();
                [Lock("Node")] private readonly object _node = new();

                void Insert()
                {
                    lock (_node)
                    {
                        lock ({|#0:_root|})
                        {
                        }
                    }
                }
            }
            """, Level("Root", "Node", "taken by lock (Tree._node)", "lock (Tree._root)"));

        [Fact]
        public Task LevelWide_AcquisitionThroughACall_IsReportedWithTheChain() => Verify.VerifyAnalyzerAsync(Levels + """
            [assembly: AcquiredWithLocksNotHeld("Root", "Node")]

            class Tree
            {
                [Lock("Root")] private readonly object _root = new();
                [Lock("Node")] private readonly object _node = new();

                void Reset()
                {
                    lock ({|#1:_root|})
                    {
                    }
                }

                void Insert()
                {
                    lock (_node)
                    {
                        {|#0:Reset()|};
                    }
                }
            }
            """, Level("Root", "Node", "taken by lock (Tree._node)", "Tree.Reset → lock (Tree._root) (Root)", hops: 1));

        [Fact]
        public Task LevelWide_AcquisitionAfterTheExcludedLevelIsReleased_IsNotReported() => Verify.VerifyAnalyzerAsync(Levels + """
            [assembly: AcquiredWithLocksNotHeld("Root", "Node")]

            class Tree
            {
                [Lock("Root")] private readonly object _root = new();
                [Lock("Node")] private readonly object _node = new();

                void Reset()
                {
                    lock (_root)
                    {
                    }
                }

                void Insert()
                {
                    lock (_node)
                    {
                    }

                    Reset();
                    lock (_root)
                    {
                        lock (_node)
                        {
                        }
                    }
                }
            }
            """);

        [Fact]
        public Task ConstructorAnnotation_IsCheckedAtNew() => Verify.VerifyAnalyzerAsync(Levels + """
            sealed class Cursor
            {
                [CalledWithLocksNotHeld("Node")] public Cursor() { }
            }

            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                Cursor Open()
                {
                    lock (_node)
                    {
                        return {|#0:new Cursor()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "Cursor constructor", "Cursor constructor"));

        [Fact]
        public Task AnnotatedLambda_IsCheckedWhereItsDelegateIsInvoked() => Verify.VerifyAnalyzerAsync(Levels + """
            class Tree
            {
                [Lock("Node")] private readonly object _node = new();

                void Insert()
                {
                    Action fix = [CalledWithLocksNotHeld("Node")] () => { };
                    fix();
                    lock (_node)
                    {
                        {|#0:fix()|};
                    }
                }
            }
            """, Member("Node", "taken by lock (Tree._node)", "the lambda in Insert", "the lambda in Insert"));
    }
}
