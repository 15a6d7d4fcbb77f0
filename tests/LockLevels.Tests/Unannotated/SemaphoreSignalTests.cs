using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>A SemaphoreSlim created with no free slot is a signal, not a lock; one created with a slot is a lock.</summary>
    public class SemaphoreSignalTests
    {
        private const string Loop = """
            using System.Threading;

            class EventLoop
            {
                private readonly object _gate = new();
                private readonly SemaphoreSlim _evt = new SemaphoreSlim(COUNT);

                public void Run() { _evt.Wait(); lock ({|#0:_gate|}) { } }

                public void Stop() { lock (_gate) { {|#1:_evt.Wait()|}; } }
            }
            """;

        [Fact]
        public Task SemaphoreCreatedWithNoFreeSlot_IsASignal() => Verify.VerifyAnalyzerAsync(Loop.Replace("COUNT", "0"));

        [Fact]
        public Task SemaphoreCreatedWithOneSlot_IsALock() => Verify.VerifyAnalyzerAsync(Loop.Replace("COUNT", "1"),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage("possible lock-order inversion between unannotated locks: EventLoop._evt → EventLoop._gate (Run: lock (EventLoop._gate)) → EventLoop._evt (Stop: EventLoop._evt.Wait)"));
    }
}
