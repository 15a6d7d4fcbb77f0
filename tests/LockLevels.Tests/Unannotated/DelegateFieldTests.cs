using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>Delegates kept in fields, collections and constructor parameters are followed where they are invoked.</summary>
    public class DelegateFieldTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        [Fact]
        public Task CallbackPassedToAConstructorAndInvokedUnderALock_IsFollowed() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Timer
            {
                private readonly object _sync = new();
                private readonly Action _callback;

                public Timer(Action callback) { _callback = callback; }

                public void Fire() { lock (_sync) { {|#0:_callback()|}; } }

                public void Stop(Cache cache) { lock (cache.Entries) { lock ({|#1:_sync|}) { } } }
            }

            class Cache
            {
                public readonly object Entries = new();
                private readonly Timer _timer;

                public Cache() { _timer = new Timer(() => { lock (Entries) { } }); }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Cache.Entries → Timer._sync (Stop: lock (Timer._sync)) → Cache.Entries (Fire: the lambda in Cache constructor → lock (Cache.Entries))"));

        [Fact]
        public Task DelegateFieldInvokedInTheDeclaredOrder_IsNotReported() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Timer
            {
                private readonly object _sync = new();
                private readonly Action _callback;

                public Timer(Action callback) { _callback = callback; }

                public void Fire() { lock (_sync) { _callback(); } }
            }

            class Cache
            {
                private readonly object _entries = new();
                private readonly Timer _timer;

                public Cache() { _timer = new Timer(() => { lock (_entries) { } }); }

                public void Clear() { lock (_entries) { } }
            }
            """);
    }
}
