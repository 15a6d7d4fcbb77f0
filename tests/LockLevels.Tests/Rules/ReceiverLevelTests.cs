using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.LockOrderInversionRule>;

namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// Receiver-level [Acquires]/[Releases] on a custom lock type take the level of the object they are
    /// called on, resolved at the call from the receiver's [Lock]: through a field, a property, the class,
    /// a base class, a generic wrapper, a generic lock type (LL0001 shows which level was taken).
    /// </summary>
    public class ReceiverLevelTests
    {
        [Fact]
        public Task ThroughAField_TakesTheFieldsLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    {|#1:file.Lock.EnterExclusive()|};
                    {|#0:dir.Lock.EnterShared()|};
                    dir.Lock.ExitShared();
                    file.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task ThroughAProperty_TakesThePropertysLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                [Lock("Rename")] private readonly NodeLock _rename = new();

                void M(FileNode file)
                {
                    {|#1:file.Lock.EnterShared()|};
                    {|#0:_rename.EnterExclusive()|};
                    _rename.ExitExclusive();
                    file.Lock.ExitShared();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Rename", "File"));

        [Fact]
        public Task InTheDeclaredOrder_IsNotReported() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(RenameLock rename, Dir dir, FileNode file)
                {
                    rename.Enter();
                    dir.Lock.EnterShared();
                    file.Lock.EnterExclusive();
                    file.Lock.ExitExclusive();
                    dir.Lock.ExitShared();
                    rename.Exit();
                }
            }
            """));

        [Fact]
        public Task ReleasedBeforeTheNextAcquisition_IsNotReported() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    file.Lock.EnterExclusive();
                    file.Lock.ExitExclusive();
                    dir.Lock.EnterExclusive();
                    dir.Lock.ExitExclusive();
                }
            }
            """));

        [Fact]
        public Task ThroughTheClassLevelLock_TakesTheClassLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, RenameLock rename)
                {
                    {|#1:dir.Lock.EnterExclusive()|};
                    {|#0:rename.Enter()|};
                    rename.Exit();
                    dir.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Rename", "Dir"));

        [Fact]
        public Task ALockStatementOnAnInstanceOfALockClass_TakesTheClassLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, RenameLock rename)
                {
                    {|#1:dir.Lock.EnterExclusive()|};
                    lock ({|#0:rename|}) { }
                    dir.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Rename", "Dir"));

        [Fact]
        public Task ADerivedTypeOfALockClass_TakesTheBaseClassLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            [Lock("File")] class FileLockBase : NodeLock { }
            sealed class FileLock : FileLockBase { }

            sealed class Fs
            {
                void M(Dir dir)
                {
                    var file = new FileLock();
                    {|#1:file.EnterExclusive()|};
                    {|#0:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                    file.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task AFieldOfALockClassType_TakesTheFieldsLevelNotTheClasss() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            [Lock("File")] sealed class FileLock : NodeLock { }

            sealed class Holder
            {
                [Lock("Dir")] public readonly FileLock Lock = new();
            }

            sealed class Fs
            {
                void M(Holder holder, FileLock file)
                {
                    {|#1:file.EnterExclusive()|};
                    {|#0:holder.Lock.EnterExclusive()|};
                    holder.Lock.ExitExclusive();
                    file.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task AFieldOfAGenericWrapper_TakesTheFieldsLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Guarded<T>
            {
                [Lock("Dir")] public readonly NodeLock Lock = new();
                public T? Value;
            }

            sealed class Fs
            {
                void M(Guarded<string> dir, FileNode file)
                {
                    {|#1:file.Lock.EnterExclusive()|};
                    {|#0:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                    file.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task AGenericLockType_TakesTheLevelOfItsField() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class TaggedLock<TTag>
            {
                [Acquires] public void Enter() { }
                [Releases] public void Exit() { }
            }

            sealed class Tagged
            {
                [Lock("Dir")] public readonly TaggedLock<int> Lock = new();
            }

            sealed class Fs
            {
                void M(Tagged dir, FileNode file)
                {
                    {|#1:file.Lock.EnterExclusive()|};
                    {|#0:dir.Lock.Enter()|};
                    dir.Lock.Exit();
                    file.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));

        [Fact]
        public Task AReceiverOfAConstrainedTypeParameter_TakesTheConstraintsClassLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            [Lock("Rename")] class RenameLockBase : NodeLock { }

            sealed class Fs
            {
                void M<TLock>(Dir dir, TLock rename) where TLock : RenameLockBase
                {
                    {|#1:dir.Lock.EnterExclusive()|};
                    {|#0:rename.EnterExclusive()|};
                    rename.ExitExclusive();
                    dir.Lock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Rename", "Dir"));

        [Fact]
        public Task AReceiverReadThroughALocal_TakesTheFieldsLevel() => Verify.VerifyAnalyzerAsync(LockObjectSources.With("""
            sealed class Fs
            {
                void M(Dir dir, FileNode file)
                {
                    var fileLock = file.Lock;
                    {|#1:fileLock.EnterExclusive()|};
                    {|#0:dir.Lock.EnterExclusive()|};
                    dir.Lock.ExitExclusive();
                    fileLock.ExitExclusive();
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("Dir", "File"));
    }
}
