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

        [Theory]
        [InlineData("var next = _work.Dequeue(); {|#0:next()|};")]
        [InlineData("while (_work.TryDequeue(out var next)) { {|#0:next()|}; }")]
        [InlineData("foreach (var next in _work) { {|#0:next()|}; }")]
        [InlineData("foreach (var next in _work) { {|#0:next.Invoke()|}; }")]
        [InlineData("foreach (var next in _work) { {|#0:next.DynamicInvoke()|}; }")]
        [InlineData("foreach (var next in _work) { {|#0:next.BeginInvoke(null, null)|}; }")]
        public Task ContinuationQueuedInACollectionFieldAndRunUnderALock_IsFollowed(string run) => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Scheduler
            {
                private readonly object _gate = new();
                private readonly Queue<Action> _work = new();

                public void Post(Action action) { lock (_gate) { _work.Enqueue(action); } }

                public void RunAll() { lock (_gate) { RUN } }
            }

            class Store
            {
                private readonly object _state = new();
                private readonly Scheduler _scheduler = new();

                public void Save() => _scheduler.Post(() => { lock (_state) { } });

                public void Flush() { lock (_state) { {|#1:_scheduler.Post(() => { })|}; } }
            }
            """.Replace("RUN", run),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Scheduler._gate → Store._state (RunAll: the lambda in Save → lock (Store._state)) → Scheduler._gate (Flush: Scheduler.Post → lock (Scheduler._gate))"));

        [Fact]
        public Task ContinuationsRunWithoutALockByAHelperCalledUnderOne_AreFollowed() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Scheduler
            {
                private readonly object _gate = new();
                private readonly List<Action> _work = new();

                public void Post(Action action) => _work.Add(action);

                public void RunAll() { lock (_gate) { {|#0:Drain()|}; } }

                private void Drain() { foreach (var next in _work) { next(); } }

                public void Stop(Store store) { lock (store.State) { lock ({|#1:_gate|}) { } } }
            }

            class Store
            {
                public readonly object State = new();

                public void Save(Scheduler scheduler) => scheduler.Post(() => { lock (State) { } });
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Scheduler._gate → Store.State (RunAll: Scheduler.Drain → the lambda in Save → lock (Store.State)) → Scheduler._gate (Stop: lock (Scheduler._gate))"));
        /// <summary>NATS's shape: a manager hands its subscription a delegate of its own virtual check, which a subclass overrides.</summary>
        [Fact]
        public Task DelegateOfAVirtualMethodRunsTheOverride() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Subscription
            {
                private readonly object _mu = new();

                internal Func<int, bool> Check;

                internal void Add(int message) { lock (_mu) { {|#0:Check(message)|}; } }

                internal void Touch() { lock (_mu) { } }
            }

            abstract class Manager
            {
                protected readonly object StateLock = new();

                public void Start(Subscription subscription) { subscription.Check = BeforeAdd; }

                public void Flush(Subscription subscription) { lock (StateLock) { {|#1:subscription.Touch()|}; } }

                protected virtual bool BeforeAdd(int message) => true;
            }

            sealed class PullManager : Manager
            {
                protected override bool BeforeAdd(int message) { lock (StateLock) { } return true; }
            }

            static class Factory
            {
                public static Manager Make() => new PullManager();
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Manager.StateLock → Subscription._mu (Flush: Subscription.Touch → lock (Subscription._mu)) → Manager.StateLock (Add: PullManager.BeforeAdd → lock (Manager.StateLock))"));
        /// <summary>NATS's shape: the manager's check runs only where the subscription invokes it, under the connection's lock.</summary>
        private const string Connection = """
            using System;

            class Connection
            {
                private readonly object _mu = new();

                internal void ProcessMessage(Subscription subscription, int message) { lock (_mu) { {|#0:subscription.Add(message)|}; } }

                internal void Publish() { lock (_mu) { } }

                public void Close(Manager manager) { lock (_mu) { manager.Shutdown(); } }
            }

            class Subscription
            {
                internal Connection Connection;

                ACCESS Func<int, bool> Check { get; set; }

                internal void Add(int message) { if (Check?.Invoke(message) == true) { } }
            }

            abstract class Manager
            {
                protected readonly object StateLock = new();
                protected Subscription Subscription;

                public virtual void Startup(Subscription subscription) { Subscription = subscription; }

                public void Shutdown() { lock (StateLock) { } }

                protected virtual bool BeforeAdd(int message) => true;
            }

            sealed class PullManager : Manager
            {
                public override void Startup(Subscription subscription) { base.Startup(subscription); subscription.Check = BeforeAdd; }

                protected override bool BeforeAdd(int message) { Track(); return true; }

                private void Track() { lock (StateLock) { {|#1:Subscription.Connection.Publish()|}; } }
            }

            static class Factory
            {
                public static Manager Make() => new PullManager();
            }
            """;

        [Fact]
        public Task DelegateKeptWhereOnlyItsInvokerCanRunIt_RunsWithTheInvokersLocks() => Verify.VerifyAnalyzerAsync(
            System.Text.RegularExpressions.Regex.Replace(Connection.Replace("ACCESS", "internal"), @"\{\|#\d+:(.*?)\|\}", "$1"));

        [Theory]
        [InlineData("public", "public class Subscription")]
        [InlineData("internal Func<int, bool> Exposed => Check;\n\n    internal", "class Subscription")]
        public Task DelegateKeptWhereOthersCanReachIt_IsAnEdge(string access, string type) => Verify.VerifyAnalyzerAsync(
            Connection.Replace("ACCESS", access).Replace("class Subscription", type),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Connection._mu → Manager.StateLock (ProcessMessage: Subscription.Add → PullManager.BeforeAdd → PullManager.Track → lock (Manager.StateLock)) → "
                    + "Connection._mu (Track: Connection.Publish → lock (Connection._mu))"));
    }
}
