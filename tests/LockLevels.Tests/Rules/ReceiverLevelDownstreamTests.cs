using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Chain = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CallChainRule>;
using Cycle = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CircularDependencyRule>;
using Nested = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NestedLockClassRule>;
using Reacquired = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.NonReentrantReacquiredRule>;
using Inferred = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;
using Unbalanced = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// A level taken through a receiver-level [Acquires] is an acquisition of that level everywhere
    /// downstream: call chains (LL0003), cycles (LL0004), balance (LL0005), the receiver as the lock object
    /// (LL0009 on one node, LL0010 on two), and the lock type's own Monitor use adds nothing (LL0005, LL0100).
    /// </summary>
    public class ReceiverLevelDownstreamTests
    {
        [Fact]
        public Task ACallThatTakesAnOuterLevelThroughTheReceiver_IsACallChain() => Chain.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    file.Lock.EnterExclusive();
                    {|#0:LockDir(dir)|};
                    file.Lock.ExitExclusive();
                }

                void LockDir(Dir dir)
                {
                    {|#1:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                }
            }
            """), Chain.Diagnostic("LL0003").WithLocation(0).WithLocation(1)
                .WithArguments("Fs.LockDir", "Dir", "File", "Fs.LockDir → Dir.Lock.EnterExclusive"));

        [Fact]
        public Task OppositeOrdersOfTwoReceiverLevels_AreACycle() => Cycle.VerifyAnalyzerAsync("""
            using LockLevels;

            sealed class NodeLock
            {
                [Acquires] public void Enter() { }
                [Releases] public void Exit() { }
            }

            sealed class Node
            {
                [Lock("Inode")] public readonly NodeLock Inode = new();
                [Lock("Journal")] public readonly NodeLock Journal = new();

                void Commit()
                {
                    Journal.Enter();
                    {|#0:Inode.Enter()|};
                    Inode.Exit();
                    Journal.Exit();
                }

                void Evict()
                {
                    Inode.Enter();
                    {|#1:Journal.Enter()|};
                    Journal.Exit();
                    Inode.Exit();
                }
            }
            """, Cycle.Diagnostic("LL0004").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithArguments("Inode → Journal (Evict: Node.Journal.Enter) → Inode (Commit: Node.Inode.Enter)"));

        [Fact]
        public Task TheLockTypesOwnBodies_AreBalanced() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(RenameLock rename, Dir dir)
                {
                    rename.Enter();
                    dir.Lock.EnterShared();
                    dir.Lock.ExitShared();
                    rename.Exit();
                }
            }
            """));

        [Fact]
        public Task AReceiverLevelLeftHeld_IsUnbalanced() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir)
                {
                    {|#0:dir.Lock.EnterExclusive()|};
                }
            }
            """), Unbalanced.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments("Dir", "M"));

        [Fact]
        public Task AReceiverLevelReleasedWhereNotHeld_IsUnbalanced() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir)
                {
                    {|#0:dir.Lock.ExitShared()|};
                }
            }
            """), Unbalanced.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(0).WithArguments("Dir", "M"));

        [Fact]
        public Task AWrapperDeclaringTheLevel_IsBalanced() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class DirNode
            {
                [Lock("Dir")] private readonly NodeLock _lock = new();

                [Acquires("Dir")] public void LockExclusive() => _lock.EnterExclusive();
                [Releases("Dir")] public void UnlockExclusive() => _lock.ExitExclusive();
            }
            """));

        [Fact]
        public Task ALocalOfAnUnmarkedLockType_TakesNoLevel() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M()
                {
                    var scratch = new NodeLock();
                    scratch.EnterExclusive();
                }
            }
            """));

        [Fact]
        public Task TheSameNodeTwice_IsAReacquisition() => Reacquired.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir)
                {
                    {|#1:dir.Lock.EnterShared()|};
                    {|#0:dir.Lock.EnterShared()|};
                    dir.Lock.ExitShared();
                    dir.Lock.ExitShared();
                }
            }
            """), Reacquired.Diagnostic("LL0009").WithLocation(0).WithLocation(1)
                .WithArguments("Dir", "Dir.Lock.EnterShared", "Dir.Lock.EnterShared", "'Dir' is not declared [assembly: RecursiveLevels]: the second acquisition can queue behind a writer that waits for the first"));

        [Fact]
        public Task TwoNodesOfOneLevel_AreNestedOnTwoObjects() => Nested.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir parent, Dir child)
                {
                    {|#1:parent.Lock.EnterExclusive()|};
                    {|#0:child.Lock.EnterExclusive()|};
                    child.Lock.ExitExclusive();
                    parent.Lock.ExitExclusive();
                }
            }
            """), Nested.Diagnostic("LL0010").WithLocation(0).WithLocation(1)
                .WithArguments("Dir", "child", "parent", "Dir.Lock.EnterExclusive", "Dir.Lock.EnterExclusive"));

        [Fact]
        public Task TwoNodesInADeclaredNesting_AreNotReported() => Nested.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                [LockNesting("parent", "child")]
                void M(Dir parent, Dir child)
                {
                    parent.Lock.EnterExclusive();
                    child.Lock.EnterExclusive();
                    child.Lock.ExitExclusive();
                    parent.Lock.ExitExclusive();
                }
            }
            """));

        [Fact]
        public Task TheLockTypesMonitorUse_AddsNoUnannotatedInversion() => Inferred.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                [Lock("Rename")] private readonly NodeLock _rename = new();

                void Rename(Dir from, FileNode file)
                {
                    _rename.EnterExclusive();
                    from.Lock.EnterExclusive();
                    file.Lock.EnterExclusive();
                    file.Lock.ExitExclusive();
                    from.Lock.ExitExclusive();
                    _rename.ExitExclusive();
                }

                void Stat(FileNode file)
                {
                    if (file.Lock.TryEnterExclusive())
                    {
                        file.Lock.ExitExclusive();
                    }
                }
            }
            """));
    }
}
