using System.Threading.Tasks;
using LockLevels.Analyzers;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.LockOnUnlockableMemberAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0904: [Lock] on a value-typed field or property.</summary>
    public class LockOnUnlockableMemberTests
    {
        [Fact]
        public Task LockOnAnIntField_IsReportedAtTheAttribute() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] private int _state;
                public int State => _state;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "_state", "int"));

        [Fact]
        public Task LockOnAnIntField_MessageNamesLevelMemberAndType() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] public int State;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0)
                .WithMessage("[Lock(\"FolioLock\")] is on State of type 'int', which is a value type and cannot be locked"));

        [Fact]
        public Task LockOnAStructProperty_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            struct Spinlock { public int Owner; }

            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] public Spinlock Gate { get; set; }
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "Gate", "Spinlock"));

        [Fact]
        public Task LockOnANullableValueTypeField_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] public long? Version;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "Version", "long?"));

        [Fact]
        public Task LockOnAnEnumField_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            enum InodeState { Clean, Dirty }

            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] public InodeState State;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "State", "InodeState"));

        [Fact]
        public Task LockOnAStructFieldOfAStruct_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            struct Counter
            {
                [{|#0:Lock("FolioLock")|}] public int Value;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "Value", "int"));

        [Fact]
        public Task LockOnAStructConstrainedGenericField_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Holder<T> where T : struct
            {
                [{|#0:Lock("FolioLock")|}] public T Gate;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "Gate", "T"));

        [Fact]
        public Task LockWithAnEmptyLevelOnAnIntField_IsStillReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [{|#0:Lock("")|}] public int State;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("", "State", "int"));

        [Fact]
        public Task LockOnAnObjectField_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Lock("FolioLock")] private readonly object _gate = new();
            }
            """));

        [Fact]
        public Task LockOnASemaphoreSlimField_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Lock("MmapLock")] private readonly SemaphoreSlim _gate = new(1, 1);
            }
            """));

        [Fact]
        public Task LockOnThreadingLockAndReaderWriterLockSlimMembers_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                [Lock("FolioLock")] private readonly System.Threading.Lock _gate = new();
                [Lock("InvalidateLock")] public ReaderWriterLockSlim Invalidate { get; } = new();
            }
            """));

        [Fact]
        public Task LockOnAClassConstrainedGenericField_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Holder<T> where T : class
            {
                [Lock("FolioLock")] private readonly T _gate;
                public Holder(T gate) => _gate = gate;
            }
            """));

        /// <summary>
        /// Only the value-typed member that carries [Lock] is reported: not its unannotated neighbours, nor
        /// one that carries another attribute. (Alone, the unannotated fields would pass even if the rule
        /// never ran; the [Lock] one beside them shows that it does.)
        /// </summary>
        [Fact]
        public Task IntFieldWithoutLock_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Inode
            {
                public int State;
                [Obsolete] public int Old;
                [{|#0:Lock("FolioLock")|}] public int Locked;
                public int After;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "Locked", "int"));

        [Fact]
        public Task LockOnAStructWithReceiverLevelMethods_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            struct SpinGate
            {
                private int _taken;
                [Acquires] public void Enter() { while (Interlocked.Exchange(ref _taken, 1) != 0) { } }
                [Releases] public void Exit() => Volatile.Write(ref _taken, 0);
            }

            sealed class Inode
            {
                [Lock("FolioLock")] private SpinGate _gate;
                public void Touch() { _gate.Enter(); _gate.Exit(); }
            }
            """));

        [Fact]
        public Task LockOnAStructWithOnlyNamedLevelMethods_IsStillReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            struct Gate
            {
                [Acquires("FolioLock")] public void Enter() { }
            }

            sealed class Inode
            {
                [{|#0:Lock("FolioLock")|}] private Gate _gate;
            }
            """),
            Verify.Diagnostic(DiagnosticIds.LockOnUnlockableMember).WithLocation(0).WithArguments("FolioLock", "_gate", "Gate"));
    }
}
