using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>LL0100 follows only the calls that can happen, and every call that can.</summary>
    public class CallGraphPrecisionTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        [Fact]
        public Task BaseCallWithALockTakingSiblingOverride_IsNotReported() => Verify.VerifyAnalyzerAsync("""
            abstract class Target
            {
                protected virtual void OnClose() { }
            }

            class FileTarget : Target
            {
                internal static readonly object File = new();
                protected override void OnClose() { lock (File) { base.OnClose(); } }
            }

            class NetworkTarget : Target
            {
                private static readonly object Socket = new();
                protected override void OnClose() { lock (Socket) { } }
                public void Flush() { lock (Socket) { lock (FileTarget.File) { } } }
            }

            static class Factory
            {
                public static Target[] All() => new Target[] { new FileTarget(), new NetworkTarget() };
            }
            """);

        [Fact]
        public Task VirtualCallOnASealedReceiver_ReachesItsOwnOverrideOnly() => Verify.VerifyAnalyzerAsync("""
            abstract class Sink
            {
                public abstract void Write();
            }

            sealed class QuietSink : Sink
            {
                public override void Write() { }
            }

            sealed class LoudSink : Sink
            {
                private readonly object _out = new();
                private readonly object _queue = new();
                public override void Write() { lock (_out) { } }
                public void Drain() { lock (_out) { lock (_queue) { } } }
                public void Enqueue(QuietSink quiet) { lock (_queue) { quiet.Write(); } }
            }

            static class Factory
            {
                public static Sink[] All() => new Sink[] { new QuietSink(), new LoudSink() };
            }
            """);

        [Fact]
        public Task InterfaceCallReachesOnlyTheImplementationTheReceiverCanBe() => Verify.VerifyAnalyzerAsync("""
            interface IStore { void Flush(); }

            class MemoryStore : IStore
            {
                public void Flush() { }
            }

            class DiskStore : IStore
            {
                private static readonly object Disk = new();
                public void Flush() { lock (Disk) { lock (Cache.Entries) { } } }
            }

            static class Cache
            {
                public static readonly object Entries = new();
                public static void Put(MemoryStore store) { lock (Entries) { store.Flush(); } }
                public static IStore[] All() => new IStore[] { new MemoryStore(), new DiskStore() };
            }
            """);

        [Fact]
        public Task OverrideInATypeNeverCreated_IsNotReached() => Verify.VerifyAnalyzerAsync("""
            abstract class Handler
            {
                public abstract void Handle();
            }

            class Used : Handler
            {
                public override void Handle() { }
            }

            class NeverCreated : Handler
            {
                public override void Handle() { lock (Hub.Sync) { } }
            }

            static class Hub
            {
                public static readonly object Sync = new();
                private static readonly object Queue = new();
                public static void Post(Handler handler) { lock (Queue) { handler.Handle(); } }
                public static void Pump() { lock (Sync) { lock (Queue) { } } }
                public static Handler Make() => new Used();
            }
            """);

        [Fact]
        public Task OverrideInATypeCreatedOnce_IsReached() => Verify.VerifyAnalyzerAsync("""
            abstract class Handler
            {
                public abstract void Handle();
            }

            class Used : Handler
            {
                public override void Handle() { }
            }

            class Created : Handler
            {
                public override void Handle() { lock ({|#1:Hub.Sync|}) { } }
            }

            static class Hub
            {
                public static readonly object Sync = new();
                private static readonly object Queue = new();
                public static void Post(Handler handler) { lock (Queue) { {|#0:handler.Handle()|}; } }
                public static void Pump() { lock (Sync) { lock ({|#2:Queue|}) { } } }
                public static Handler Make(bool used) => used ? new Used() : new Created();
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Hub.Queue → Hub.Sync (Post: Created.Handle → lock (Hub.Sync)) → Hub.Queue (Pump: lock (Hub.Queue))"));

        [Fact]
        public Task ChainThroughAPartialMethod_IsFollowed() => Verify.VerifyAnalyzerAsync("""
            partial class Generated
            {
                private static readonly object Sync = new();
                private static readonly object State = new();

                partial void OnChanged();

                public void Set() { lock (State) { {|#0:OnChanged()|}; } }
                public void Reset() { lock (Sync) { lock ({|#2:State|}) { } } }
            }

            partial class Generated
            {
                partial void OnChanged() { lock ({|#1:Sync|}) { } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Generated.State → Generated.Sync (Set: Generated.OnChanged → lock (Generated.Sync)) → Generated.State (Reset: lock (Generated.State))"));

        [Fact]
        public Task ChainThroughAPartialPropertyGetter_IsFollowed() => Verify.VerifyAnalyzerAsync("""
            partial class Settings
            {
                private static readonly object Sync = new();
                private static readonly object Store = new();

                public partial int Value { get; }

                public int Read() { lock (Store) { return {|#0:Value|}; } }
                public void Write() { lock (Sync) { lock ({|#2:Store|}) { } } }
            }

            partial class Settings
            {
                public partial int Value { get { lock ({|#1:Sync|}) { return 1; } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(2)
                .WithMessage(Prefix + "Settings.Store → Settings.Sync (Read: Settings.Value → lock (Settings.Sync)) → Settings.Store (Write: lock (Settings.Store))"));

        [Fact]
        public Task HelperThatRetakesALockAllItsCallersHold_IsReentryNotAnEdge() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Pool : IDisposable
            {
                private readonly object _a = new();
                private readonly object _b = new();

                public void Dispose() { lock (_a) { Drain(); } }

                public void Use() { lock (_a) { lock (_b) { } } }

                private void Drain() { lock (_b) { lock (_a) { } } }
            }
            """);

        [Fact]
        public Task HelperCalledOnceWithoutTheLock_IsAnEdge() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Pool : IDisposable
            {
                private readonly object _a = new();
                private readonly object _b = new();

                public void Dispose() { lock (_a) { Drain(); } }

                public void Trim() { Drain(); }

                public void Use() { lock (_a) { lock ({|#0:_b|}) { } } }

                private void Drain() { lock (_b) { lock ({|#1:_a|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Pool._a → Pool._b (Use: lock (Pool._b)) → Pool._a (Drain: lock (Pool._a))"));
        /// <summary>log4net's shape: the base class holds its lock around a protected hook, and the hook takes it again under another.</summary>
        private const string Appender = """
            public abstract class Appender
            {
                protected readonly object LockObj = new();

                public void DoAppend() { lock (LockObj) { Append(); } }

                protected abstract void Append();
            }

            public class RollingAppender : Appender
            {
                private readonly object _roll = new();

                protected override void Append() => AdjustFile();

                protected virtual void AdjustFile() { lock (_roll) { OpenFile(); } }

                protected void OpenFile() { lock (LockObj) { } }

                OTHER
            }

            static class Factory
            {
                public static Appender Make() => new RollingAppender();
            }
            """;

        [Theory]
        [InlineData("")]
        [InlineData("protected virtual void AppendAll() => AdjustFile();")]
        public Task ProtectedHookRetakingTheLockItsBaseHoldsAroundIt_IsReentryNotAnEdge(string other) => Verify.VerifyAnalyzerAsync(Appender.Replace("OTHER", other));

        private const string Inversion = Prefix + "Appender.LockObj → RollingAppender._roll (DoAppend: RollingAppender.Append → RollingAppender.AdjustFile → lock (RollingAppender._roll)) → Appender.LockObj ";

        [Theory]
        [InlineData("public void Roll() => AdjustFile();")]
        [InlineData("protected void Roll() => AdjustFile();")]
        public Task ProtectedHookAlsoCalledWithoutTheLock_IsAnEdge(string other) => Verify.VerifyAnalyzerAsync(
            Appender.Replace("OTHER", other).Replace("{ Append(); }", "{ {|#0:Append()|}; }").Replace("{ OpenFile(); }", "{ {|#1:OpenFile()|}; }"),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Inversion + "(AdjustFile: RollingAppender.OpenFile → lock (Appender.LockObj))"));

        [Fact]
        public Task ProtectedHookWhoseLockIsTakenElsewhereTheOtherWay_IsAnEdge() => Verify.VerifyAnalyzerAsync(
            Appender.Replace("OTHER", "public void Locked() { lock (_roll) { lock ({|#1:LockObj|}) { } } }").Replace("{ Append(); }", "{ {|#0:Append()|}; }"),
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Inversion + "(Locked: lock (Appender.LockObj))"));

        [Fact]
        public Task OverrideOfASlotAnotherAssemblyDeclares_KeepsItsEdges() => Verify.VerifyAnalyzerAsync("""
            using System.ComponentModel;

            public class Worker : Component
            {
                private readonly object _a = new();
                private readonly object _b = new();

                public void Stop() { lock (_a) { Dispose(true); } }

                public void Use() { lock (_a) { lock ({|#0:_b|}) { } } }

                protected override void Dispose(bool disposing) { lock (_b) { lock ({|#1:_a|}) { } } }
            }
            """,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Worker._a → Worker._b (Use: lock (Worker._b)) → Worker._a (Dispose: lock (Worker._a))"));
    }
}
