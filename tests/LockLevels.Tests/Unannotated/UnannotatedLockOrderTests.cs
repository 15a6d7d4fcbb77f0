using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.UnannotatedLockOrderRule>;

namespace LockLevels.Tests.Unannotated
{
    public class UnannotatedLockOrderTests
    {
        private const string Prefix = "possible lock-order inversion between unannotated locks: ";

        private const string ClassicAbBa = """
            class Bank
            {
                private readonly object _accounts = new();
                private readonly object _ledger = new();

                void Transfer()
                {
                    lock (_accounts)
                    {
                        lock ({|#0:_ledger|}) { }
                    }
                }

                void Audit()
                {
                    lock (_ledger)
                    {
                        lock ({|#1:_accounts|}) { }
                    }
                }
            }
            """;

        [Fact]
        public Task ClassicAbBaInOneClass_IsReported() => Verify.VerifyAnalyzerAsync(ClassicAbBa,
            Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Bank._accounts → Bank._ledger (Transfer: lock (Bank._ledger)) → Bank._accounts (Audit: lock (Bank._accounts))"));

        [Fact]
        public Task AbBaAcrossTwoClassesThroughCalls_IsReported() => Verify.VerifyAnalyzerAsync("""
            class Cache
            {
                private readonly object _entries = new();
                private Store _store = null!;

                public void Put() { lock (_entries) { {|#0:_store.Flush()|}; } }

                public void Evict() { lock (_entries) { } }
            }

            class Store
            {
                private readonly object _pages = new();
                private Cache _cache = null!;

                public void Flush() { lock (_pages) { } }

                public void Compact() { lock (_pages) { {|#1:_cache.Evict()|}; } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Cache._entries → Store._pages (Put: Store.Flush → lock (Store._pages)) → Cache._entries (Compact: Cache.Evict → lock (Cache._entries))"));

        [Fact]
        public Task AbBaThroughAnInterface_IsReported() => Verify.VerifyAnalyzerAsync("""
            interface ISink { void Write(); }

            class Journal : ISink
            {
                private readonly object _log = new();
                private Index _index = null!;

                public void Write() { lock (_log) { } }

                public void Checkpoint() { lock (_log) { {|#1:_index.Rebuild()|}; } }
            }

            class Index
            {
                private readonly object _tree = new();
                private ISink _sink = null!;

                public void Insert() { lock (_tree) { {|#0:_sink.Write()|}; } }

                public void Rebuild() { lock (_tree) { } }

                public static ISink Open() => new Journal();
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Index._tree → Journal._log (Insert: Journal.Write → lock (Journal._log)) → Index._tree (Checkpoint: Index.Rebuild → lock (Index._tree))"));

        [Fact]
        public Task MonitorInTryFinallyAgainstLockStatement_IsReported() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;

            class Registry
            {
                private static readonly object s_types = new();
                private readonly object _instances = new();

                void Register()
                {
                    Monitor.Enter(s_types);
                    try
                    {
                        {|#0:Monitor.Enter(_instances)|};
                        try { } finally { Monitor.Exit(_instances); }
                    }
                    finally
                    {
                        Monitor.Exit(s_types);
                    }
                }

                void Resolve()
                {
                    lock (_instances)
                    {
                        lock ({|#1:s_types|}) { }
                    }
                }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Registry._instances → Registry.s_types (Resolve: lock (Registry.s_types)) → Registry._instances (Register: Registry._instances.Enter)"));

        [Fact]
        public Task WaitAsyncAcrossAnAwaitAgainstReaderLock_IsReported() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class Pipeline
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private readonly ReaderWriterLockSlim _index = new();

                async Task PutAsync()
                {
                    await _gate.WaitAsync();
                    try
                    {
                        await Task.Yield();
                        {|#0:_index.EnterWriteLock()|};
                        _index.ExitWriteLock();
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }

                void Scan()
                {
                    _index.EnterReadLock();
                    try
                    {
                        {|#1:_gate.Wait()|};
                        _gate.Release();
                    }
                    finally
                    {
                        _index.ExitReadLock();
                    }
                }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Pipeline._gate → Pipeline._index (PutAsync: Pipeline._index.EnterWriteLock) → Pipeline._gate (Scan: Pipeline._gate.Wait)"));

        [Fact]
        public Task OneFieldOnTwoObjectsInBothOrders_IsLL0010NotLL0100() => Verify.VerifyAnalyzerAsync("""
            class Account
            {
                private readonly object _sync = new();

                static void Transfer(Account from, Account to)
                {
                    lock (from._sync)
                    {
                        lock (to._sync) { }
                    }
                }

                static void Refund(Account from, Account to)
                {
                    lock (to._sync)
                    {
                        lock (from._sync) { }
                    }
                }
            }
            """);

        [Fact]
        public Task OneFieldOnTwoObjectsInOneOrder_IsNotReported() => Verify.VerifyAnalyzerAsync("""
            class Account
            {
                private readonly object _sync = new();

                static void Transfer(Account from, Account to)
                {
                    lock (from._sync) { lock (to._sync) { } }
                }

                static void Audit(Account from, Account to)
                {
                    lock (from._sync) { lock (to._sync) { } }
                }
            }
            """);

        [Fact]
        public Task ConsistentOrderEverywhere_IsNotReported() => Verify.VerifyAnalyzerAsync("""
            class Bank
            {
                private readonly object _accounts = new();
                private readonly object _ledger = new();

                void Transfer() { lock (_accounts) { lock (_ledger) { } } }

                void Audit() { lock (_accounts) { Post(); } }

                void Post() { lock (_ledger) { } }
            }
            """);

        [Fact]
        public Task ReentrantMonitor_IsNotACycle() => Verify.VerifyAnalyzerAsync("""
            class Cache
            {
                private readonly object _sync = new();

                void Get() { lock (_sync) { Refresh(); } }

                void Refresh() { lock (_sync) { lock (_sync) { } } }
            }
            """);

        [Fact]
        public Task LockOnThisAgainstAField_IsReported() => Verify.VerifyAnalyzerAsync("""
            class Cache
            {
                private readonly object _sync = new();

                void Refresh() { lock (_sync) { lock ({|#1:this|}) { } } }

                void Clear() { lock (this) { lock ({|#0:_sync|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Cache._sync → instances of Cache (Refresh: lock (instances of Cache)) → Cache._sync (Clear: lock (Cache._sync))"));

        [Fact]
        public Task LocksOnLocals_AreNotClasses() => Verify.VerifyAnalyzerAsync("""
            class Worker
            {
                void A(object first, object second)
                {
                    var gate = new object();
                    lock (first) { lock (gate) { } }
                    lock (gate) { lock (first) { } }
                    lock (first) { lock (second) { } }
                    lock (second) { lock (first) { } }
                }
            }
            """);

        [Fact]
        public Task FirstLockReleasedBeforeTheSecond_IsNotReported() => Verify.VerifyAnalyzerAsync("""
            class Bank
            {
                private readonly object _accounts = new();
                private readonly object _ledger = new();

                void Transfer()
                {
                    lock (_accounts) { }
                    lock (_ledger) { }
                }

                void Audit() { lock (_ledger) { lock (_accounts) { } } }
            }
            """);

        [Fact]
        public async Task InferenceTurnedOffInGlobalConfig_ReportsNothing()
        {
            var test = new Verify.Test { TestCode = ClassicAbBa.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "") };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From("is_global = true\nlocklevels.infer_unannotated = false\n")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task InferenceTurnedOffInEditorConfig_ReportsNothing()
        {
            var test = new Verify.Test { TestCode = ClassicAbBa.Replace("{|#0:", "").Replace("{|#1:", "").Replace("|}", "") };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", SourceText.From("root = true\n\n[*.cs]\nlocklevels.infer_unannotated = false\n")));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task InferenceExplicitlyOn_Reports()
        {
            var test = new Verify.Test { TestCode = ClassicAbBa };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", SourceText.From("is_global = true\nlocklevels.infer_unannotated = true\n")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Bank._accounts → Bank._ledger (Transfer: lock (Bank._ledger)) → Bank._accounts (Audit: lock (Bank._accounts))"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task TryEnterInTheOppositeOrder_IsNotACycle() => Verify.VerifyAnalyzerAsync("""
            using System.Threading;

            class Bank
            {
                private readonly object _accounts = new();
                private readonly object _ledger = new();

                void Transfer() { lock (_accounts) { lock (_ledger) { } } }

                void Audit()
                {
                    lock (_ledger)
                    {
                        if (!Monitor.TryEnter(_accounts, 100))
                            return;
                        Monitor.Exit(_accounts);
                    }
                }
            }
            """);

        [Fact]
        public Task NestedTypesOfTheSameName_AreDifferentClasses() => Verify.VerifyAnalyzerAsync("""
            class Tree
            {
                public class Node { public readonly object Sync = new(); }
            }

            class Graph
            {
                public class Node { public readonly object Sync = new(); }
            }

            class Walker
            {
                private readonly Tree.Node _tree = new();
                private readonly Graph.Node _graph = new();

                void Down() { lock (_tree.Sync) { lock ({|#1:_graph.Sync|}) { } } }

                void Up() { lock (_graph.Sync) { lock ({|#0:_tree.Sync|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Graph.Node.Sync → Tree.Node.Sync (Up: lock (Tree.Node.Sync)) → Graph.Node.Sync (Down: lock (Graph.Node.Sync))"));

        [Fact]
        public Task ThreadingLockFieldsInNullableContext_AreClasses() => Verify.VerifyAnalyzerAsync("""
            #nullable enable
            using System.Threading;

            class Bank
            {
                private readonly Lock _accounts = new();
                private readonly Lock _ledger = new();

                void Transfer() { lock (_accounts) { lock ({|#0:_ledger|}) { } } }

                void Audit() { lock (_ledger) { lock ({|#1:_accounts|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Bank._accounts → Bank._ledger (Transfer: lock (Bank._ledger)) → Bank._accounts (Audit: lock (Bank._accounts))"));

        [Fact]
        public Task FieldLockedOnThisAndAnotherObjectInBothOrders_IsLL0010NotLL0100() => Verify.VerifyAnalyzerAsync("""
            class Account
            {
                private readonly object _sync = new();

                void MergeInto(Account other)
                {
                    lock (_sync)
                    {
                        lock (other._sync) { }
                    }
                }

                void TakeFrom(Account other)
                {
                    lock (other._sync)
                    {
                        lock (_sync) { }
                    }
                }
            }
            """);

        [Fact]
        public Task LockOnThisInABaseAndADerivedType_IsOneClass() => Verify.VerifyAnalyzerAsync("""
            class Stream
            {
                protected readonly object Buffer = new();

                protected void Flush() { lock (this) { } }
            }

            class FileStream : Stream
            {
                void Write() { lock (this) { Flush(); } }

                void Close() { lock (Buffer) { lock ({|#1:this|}) { } } }

                void Sync() { lock (this) { lock ({|#0:Buffer|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Stream.Buffer → instances of Stream (Close: lock (instances of Stream)) → Stream.Buffer (Sync: lock (Stream.Buffer))"));

        [Fact]
        public Task NamespacesKeepClassesApart() => Verify.VerifyAnalyzerAsync("""
            namespace Disk { class Cache { public readonly object Sync = new(); } }
            namespace Memory { class Cache { public readonly object Sync = new(); } }

            class Tiering
            {
                private readonly Disk.Cache _disk = new();
                private readonly Memory.Cache _memory = new();

                void Promote() { lock (_disk.Sync) { lock ({|#0:_memory.Sync|}) { } } }

                void Demote() { lock (_memory.Sync) { lock ({|#1:_disk.Sync|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Disk.Cache.Sync → Memory.Cache.Sync (Promote: lock (Memory.Cache.Sync)) → Disk.Cache.Sync (Demote: lock (Disk.Cache.Sync))"));

        [Fact]
        public Task ChainThroughLockFreeMethodsPropertiesAndConstructors_IsFollowed() => Verify.VerifyAnalyzerAsync("""
            class Store
            {
                public static readonly object Pages = new();

                public Store() { lock (Pages) { } }

                public int Count { get { lock (Pages) { return 0; } } set { } }
            }

            class Cache
            {
                private readonly object _entries = new();
                private Store _store = new();

                void Put() { lock (_entries) { {|#0:Size()|}; } }

                int Size() => Measure() + 1;

                int Measure() => _store.Count;

                void Grow() { lock (_entries) { {|#2:Fresh()|}; } }

                Store Fresh() => new Store();

                void Evict() { lock (Store.Pages) { lock ({|#1:_entries|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Cache._entries → Store.Pages (Put: Cache.Size → Cache.Measure → Store.Count → lock (Store.Pages)) → Cache._entries (Evict: lock (Cache._entries))"));
    
        [Fact]
        public Task PropertyHandingOutAField_IsThatFieldsClass() => Verify.VerifyAnalyzerAsync("""
            class Registry
            {
                private readonly object _sync = new();
                private readonly object _index = new();

                public object SyncRoot => _sync;

                public object IndexGate { get { return this._index; } }

                void Add() { lock (_sync) { lock (SyncRoot) { lock ({|#0:_index|}) { } } } }

                void Rebuild() { lock (IndexGate) { lock ({|#1:SyncRoot|}) { } } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(1).WithLocation(1).WithLocation(0)
                .WithMessage(Prefix + "Registry._index → Registry._sync (Rebuild: lock (Registry._sync)) → Registry._index (Add: lock (Registry._index))"));
    
        [Fact]
        public Task EventRaisedUnderALockReachesItsHandlers() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Model
            {
                private readonly object _state = new();

                public event EventHandler? Changed;

                public void Set() { lock (_state) { Changed?{|#0:.Invoke(this, EventArgs.Empty)|}; } }

                public void Read() { lock (_state) { } }
            }

            class View
            {
                private readonly object _render = new();
                private readonly Model _model = new();

                public View() { _model.Changed += OnChanged; }

                private void OnChanged(object? sender, EventArgs e) { lock (_render) { } }

                public void Paint() { lock (_render) { {|#1:_model.Read()|}; } }
            }
            """, Verify.Diagnostic("LL0100").WithLocation(0).WithLocation(0).WithLocation(1)
                .WithMessage(Prefix + "Model._state → View._render (Set: View.OnChanged → lock (View._render)) → Model._state (Paint: Model.Read → lock (Model._state))"));

        [Fact]
        public Task EventWithoutHandlersThatLock_IsNoEdge() => Verify.VerifyAnalyzerAsync("""
            using System;

            class Model
            {
                private readonly object _state = new();

                public event EventHandler? Changed;

                public void Set()
                {
                    lock (_state)
                    {
                        var handler = Changed;
                        handler?.Invoke(this, EventArgs.Empty);
                    }
                }

                public void Read() { lock (_state) { } }
            }

            class View
            {
                private readonly object _render = new();
                private readonly Model _model = new();

                public View() { _model.Changed += (sender, e) => Console.WriteLine("changed"); }

                public void Paint() { lock (_render) { _model.Read(); } }
            }
            """);
    }
}
