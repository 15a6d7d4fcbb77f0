using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpAnalyzerVerifier<LockLevels.Analyzers.Rules.IneffectiveAnnotationAnalyzer>;

namespace LockLevels.Tests.Rules
{
    /// <summary>LL0909: a LockLevels attribute that compiles where it is written but has no effect there.</summary>
    public class IneffectiveAnnotationTests
    {
        private static DiagnosticResult Ineffective(int location, string attribute, string kind, string reason)
            => Verify.Diagnostic(DiagnosticIds.IneffectiveAnnotation).WithLocation(location).WithArguments(attribute, kind, reason);

        private const string Finalizer = "no code calls a finalizer; the runtime runs it on its own thread";

        [Fact]
        public Task AnnotationsOnAFinalizer_AreReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Handle
            {
                [{|#0:Acquires("SbWriters")|}, {|#1:Releases("SbWriters")|}, {|#2:MightAcquire("MmapLock")|}, {|#3:CalledWithLocksHeld("FolioLock")|}, {|#4:CalledWithLocksNotHeld("FolioLock")|}]
                ~Handle() { }
            }
            """),
            Ineffective(0, "Acquires", "a finalizer", Finalizer),
            Ineffective(1, "Releases", "a finalizer", Finalizer),
            Ineffective(2, "MightAcquire", "a finalizer", Finalizer),
            Ineffective(3, "CalledWithLocksHeld", "a finalizer", "the runtime runs a finalizer on its own thread, with no lock of this program held"),
            Ineffective(4, "CalledWithLocksNotHeld", "a finalizer", Finalizer));

        [Fact]
        public Task EntryAnnotationsOnAStaticConstructor_AreReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Registry
            {
                [{|#0:CalledWithLocksHeld("FolioLock")|}, {|#1:CalledWithLocksNotHeld("MmapLock")|}]
                static Registry() { }
            }
            """),
            Ineffective(0, "CalledWithLocksHeld", "a static constructor", "the runtime runs a static constructor at the type's first use, which no call site shows"),
            Ineffective(1, "CalledWithLocksNotHeld", "a static constructor", "the runtime runs a static constructor at the type's first use, which no call site shows"));

        [Fact]
        public Task CalledWithLocksHeldOnALambda_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Writeback
            {
                void Flush()
                {
                    Action write = [{|#0:CalledWithLocksHeld("FolioLock")|}] () => { };
                    Action acquire = [{|#1:Acquires("SbWriters")|}] () => { };
                    Action might = [MightAcquire("MmapLock")] () => { };
                    Action notHeld = [CalledWithLocksNotHeld("FolioLock")] () => { };
                }
            }
            """),
            Ineffective(0, "CalledWithLocksHeld", "a lambda", "a lambda runs wherever its delegate is invoked, and its body is analysed with nothing held"),
            Ineffective(1, "Acquires", "a lambda", "a call through a delegate is not seen to leave the level held or released"));

        [Fact]
        public Task AcquiresAndReleasesOnAnAccessor_AreReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Gate
            {
                public int Count
                {
                    [{|#0:Acquires("SbWriters")|}, MightAcquire("MmapLock"), CalledWithLocksHeld("FolioLock")] get => 0;
                    [{|#1:Releases("SbWriters")|}, CalledWithLocksNotHeld("FolioLock")] set { }
                }
            }
            """),
            Ineffective(0, "Acquires", "an accessor", "a use of a property or indexer is not seen to leave the level held or released"),
            Ineffective(1, "Releases", "an accessor", "a use of a property or indexer is not seen to leave the level held or released"));

        [Fact]
        public Task AnnotationsOnEventAccessorsAndOperators_AreReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Counter
            {
                public event Action Changed
                {
                    [{|#0:MightAcquire("MmapLock")|}] add { }
                    [{|#1:CalledWithLocksHeld("FolioLock")|}] remove { }
                }

                [{|#2:MightAcquire("MmapLock")|}] public static Counter operator +(Counter a, Counter b) => a;

                [{|#3:Acquires("SbWriters")|}] public static explicit operator int(Counter c) => 0;

                [CalledWithLocksHeld("FolioLock")] public static Counter operator -(Counter a, Counter b) => a;
            }
            """),
            Ineffective(0, "MightAcquire", "an event accessor", "subscribing to or unsubscribing from an event is not followed as a call"),
            Ineffective(1, "CalledWithLocksHeld", "an event accessor", "subscribing to or unsubscribing from an event is not followed as a call"),
            Ineffective(2, "MightAcquire", "an operator", "uses of an operator or conversion are not followed as calls"),
            Ineffective(3, "Acquires", "a conversion operator", "uses of an operator or conversion are not followed as calls"));

        [Fact]
        public Task ClaimAnchorsOutsideOrdinaryMethodsWithABody_AreReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            abstract class Mount
            {
                [{|#0:LockSetup|}] protected abstract void Open();

                [LockTeardown] public void Close()
                {
                    [{|#1:LockSetup|}] void Local() { }
                }

                [{|#2:LockTeardown|}] ~Mount() { }
            }
            """),
            Ineffective(0, "LockSetup", "a member without a body", "the long-term claim fix places claims only in an ordinary method with a body, declared in a class or struct"),
            Ineffective(1, "LockSetup", "a local function", "the long-term claim fix places claims only in an ordinary method with a body, declared in a class or struct"),
            Ineffective(2, "LockTeardown", "a finalizer", "the long-term claim fix places claims only in an ordinary method with a body, declared in a class or struct"));

        [Fact]
        public Task AnnotationsWhereTheyWork_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface IOps { [Acquires("SbWriters")] void Start(); [CalledWithLocksNotHeld("FolioLock")] void Sync(); }

            abstract class Mount
            {
                [CalledWithLocksHeld("FolioLock"), CalledWithLocksNotHeld("MmapLock")] public Mount() { }

                [CalledWithLocksHeld("FolioLock")] public int Size => 0;

                [CalledWithLocksNotHeld("FolioLock")] public int this[int i] => i;

                [Acquires("SbWriters")] public abstract void Start();

                [MightAcquire("MmapLock")] private void Fault() { }

                [LockSetup] public void Open() { }

                [LockTeardown] public void Close() { }

                [System.Runtime.InteropServices.DllImport("libc")] [MightAcquire("MmapLock")] static extern void Native();

                void Run()
                {
                    [Acquires("SbWriters")] void Take() { }
                    [CalledWithLocksHeld("FolioLock")] void Held() { }
                }
            }
            """));
    }
}
