using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>An object of a class of this compilation is a lock of the class "instances of T", wherever it is locked.</summary>
    public class TypeKeyedClassTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        [Fact]
        public Task LockOnAParameterAndLockOnThisInsideTheType_Meet() => Verify.VerifyAnalyzerAsync("""
            class Extent
            {
                public void Grow() { lock (this) { lock ({|#1:Allocator.Map|}) { } } }
            }

            static class Allocator
            {
                public static readonly object Map = new();
                public static void Free(Extent extent) { lock (Map) { lock ({|#0:extent|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Allocator.Map → instances of Extent (Free: lock (instances of Extent)) → Allocator.Map (Grow: lock (Allocator.Map))"));

        [Fact]
        public Task LockOnALocalAnElementAndACallResult_AreTheTypesClass() => Verify.VerifyAnalyzerAsync("""
            class Node
            {
                public Node[] Children = new Node[2];
                public Node First() => Children[0];
            }

            static class Tree
            {
                private static readonly object Index = new();

                public static void Rebalance(Node root)
                {
                    var child = root.First();
                    lock (child) { lock ({|#0:Index|}) { } }
                }

                public static void Reindex(Node root)
                {
                    lock (Index) { lock ({|#1:root.Children[1]|}) { } }
                }

                public static void Touch(Node root)
                {
                    lock (Index) { lock (root.First()) { } }
                }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Tree.Index → instances of Node (Reindex: lock (instances of Node)) → Tree.Index (Rebalance: lock (Tree.Index))"));

        [Fact]
        public Task ObjectTypedLocalsAndParameters_AreNoClass() => Verify.VerifyAnalyzerAsync("""
            static class Registry
            {
                private static readonly object Table = new();

                public static void Add(object key) { lock (Table) { lock (key) { } } }

                public static void Scan(object key, string name) { lock (key) { lock (Table) { } } lock (name) { lock (Table) { } } }
            }
            """);
    }
}
