using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Inversion = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.LockOrderInversionRule>;
using Unbalanced = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnbalancedLockRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// [Acquires(Try = true)] on a bool method, receiver-level or named: the level is held only where the
    /// call returned true, as after Monitor.TryEnter, and the try itself orders nothing.
    /// </summary>
    public class CustomTryLockTests
    {
        [Fact]
        public Task TheTrueBranchHoldsTheLevel_TheElseBranchDoesNot() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    if ({|#1:file.Lock.TryEnterExclusive()|})
                    {
                        {|#0:dir.Lock.EnterExclusive()|};
                        dir.Lock.ExitExclusive();
                        file.Lock.ExitExclusive();
                    }
                    else
                    {
                        dir.Lock.EnterExclusive();
                        dir.Lock.ExitExclusive();
                    }
                }
            }
            """), Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task ANegatedTryThatReturns_HoldsTheLevelOnlyAfterIt() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    if (!{|#1:file.Lock.TryEnterExclusive()|})
                    {
                        dir.Lock.EnterExclusive();
                        dir.Lock.ExitExclusive();
                        return;
                    }

                    {|#0:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                    file.Lock.ExitExclusive();
                }
            }
            """), Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task ATryResultKeptInALocal_HoldsTheLevelWhereTheLocalIsTrue() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    bool taken = {|#1:file.Lock.TryEnterExclusive()|};
                    if (!taken)
                    {
                        dir.Lock.EnterExclusive();
                        dir.Lock.ExitExclusive();
                        return;
                    }

                    {|#0:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                    file.Lock.ExitExclusive();
                }
            }
            """), Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task TryingAnOuterLevelWhileAnInnerIsHeld_IsNoInversion() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    file.Lock.EnterExclusive();
                    if (dir.Lock.TryEnterExclusive())
                    {
                        dir.Lock.ExitExclusive();
                    }

                    file.Lock.ExitExclusive();
                }
            }
            """));

        [Fact]
        public Task ANamedTryLevel_IsHeldOnlyOnTheTrueBranch() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Journal
            {
                [Acquires("File", Try = true)] public bool TryBegin() => true;
                [Releases("File")] public void End() { }
            }

            sealed class Fs
            {
                void M(Dir dir, Journal journal)
                {
                    if ({|#1:journal.TryBegin()|})
                    {
                        {|#0:dir.Lock.EnterExclusive()|};
                        dir.Lock.ExitExclusive();
                        journal.End();
                    }
                    else
                    {
                        dir.Lock.EnterExclusive();
                        dir.Lock.ExitExclusive();
                    }
                }
            }
            """), Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task AnAwaitedTaskOfBoolTry_IsHeldOnlyOnTheTrueBranch() => Inversion.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class AsyncLock
            {
                [Acquires(Try = true)] public System.Threading.Tasks.Task<bool> TryEnterAsync() => System.Threading.Tasks.Task.FromResult(true);
                [Releases] public void Exit() { }
            }

            sealed class Fs
            {
                [Lock("File")] private readonly AsyncLock _file = new();

                async System.Threading.Tasks.Task M(Dir dir)
                {
                    if (await {|#1:_file.TryEnterAsync()|})
                    {
                        {|#0:dir.Lock.EnterExclusive()|};
                        dir.Lock.ExitExclusive();
                        _file.Exit();
                    }
                    else
                    {
                        dir.Lock.EnterExclusive();
                        dir.Lock.ExitExclusive();
                    }
                }
            }
            """), Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task ReleasedOnTheTrueBranchOnly_IsBalanced() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(FileNode file)
                {
                    if (file.Lock.TryEnterExclusive())
                    {
                        file.Lock.ExitExclusive();
                    }
                }
            }
            """));

        [Fact]
        public Task ReleasedOnTheElseBranch_IsAReleaseOfWhatIsNotHeld() => Unbalanced.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(FileNode file)
                {
                    if ({|#0:file.Lock.TryEnterExclusive()|})
                    {
                    }
                    else
                    {
                        {|#1:file.Lock.ExitExclusive()|};
                    }
                }
            }
            """),
            Unbalanced.Diagnostic(Descriptors.UnbalancedAcquire).WithLocation(0).WithArguments("File", "M"),
            Unbalanced.Diagnostic(Descriptors.UnbalancedRelease).WithLocation(1).WithArguments("File", "M"));
    }
}
