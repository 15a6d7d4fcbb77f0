using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CircularDependencyRule>;

namespace LockLevels.Tests.Interprocedural
{
    public class CycleTests
    {
        [Fact]
        public Task OppositeOrdersOfUndeclaredLevels_AreACycle() => Verify.VerifyAnalyzerAsync("""
            using LockLevels;

            class Journal
            {
                [Lock("JournalLock")] private readonly object _journal = new();
                [Lock("InodeLock")] private readonly object _inode = new();

                void Commit()
                {
                    lock (_journal)
                    {
                        {|#0:UpdateInode()|};
                    }
                }

                void UpdateInode()
                {
                    lock (_inode) { }
                }

                void Evict()
                {
                    lock (_inode)
                    {
                        lock ({|#1:_journal|}) { }
                    }
                }
            }
            """, Verify.Diagnostic("LL0004").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithArguments("InodeLock → JournalLock (Evict: lock (Journal._journal)) → InodeLock (Commit: Journal.UpdateInode → lock (Journal._inode) (InodeLock))"));

        [Fact]
        public Task ConsistentOrderEverywhere_IsNoCycle() => Verify.VerifyAnalyzerAsync("""
            using LockLevels;

            class Journal
            {
                [Lock("JournalLock")] private readonly object _journal = new();
                [Lock("InodeLock")] private readonly object _inode = new();

                void Commit()
                {
                    lock (_journal) { UpdateInode(); }
                }

                void UpdateInode()
                {
                    lock (_inode) { }
                }

                void Evict()
                {
                    lock (_journal) { lock (_inode) { } }
                }
            }
            """);

        [Fact]
        public Task ReentrantAcquisitionOfOneLevel_IsNoCycle() => Verify.VerifyAnalyzerAsync("""
            using LockLevels;

            class Journal
            {
                [Lock("JournalLock")] private readonly object _journal = new();

                void Commit()
                {
                    lock (_journal) { Flush(); }
                }

                void Flush()
                {
                    lock (_journal) { }
                }
            }
            """);
    }
}
