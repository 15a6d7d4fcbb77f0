using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using LockLevels.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LockLevels.Tests.Robustness
{
    /// <summary>
    /// Realistic code that uses locks but no LockLevels annotation: every analyzer stays silent,
    /// whether or not the annotations are referenced.
    /// </summary>
    public class UnannotatedCodeTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private const string PlainLock = Usings + """
            public sealed class LruCache<TKey, TValue> where TKey : notnull
            {
                private readonly object _gate = new();
                private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = new();
                private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
                private readonly int _capacity;

                public LruCache(int capacity) => _capacity = capacity;

                public bool TryGet(TKey key, out TValue? value)
                {
                    lock (_gate)
                    {
                        if (_map.TryGetValue(key, out var node))
                        {
                            _order.Remove(node);
                            _order.AddFirst(node);
                            value = node.Value.Value;
                            return true;
                        }
                    }

                    value = default;
                    return false;
                }

                public void Set(TKey key, TValue value)
                {
                    lock (_gate)
                    {
                        if (_map.Count >= _capacity && _order.Last is { } last)
                        {
                            _map.Remove(last.Value.Key);
                            _order.RemoveLast();
                        }

                        _map[key] = _order.AddFirst((key, value));
                    }
                }

                public int Count { get { lock (_gate) { return _map.Count; } } }

                public void Clear() { lock (this) { lock (_gate) { _map.Clear(); _order.Clear(); } } }

                public static int Instances;
                public static void Count1() { lock (typeof(LruCache<TKey, TValue>)) { Instances++; } }
            }
            """;

        private const string MonitorUse = Usings + """
            public sealed class BoundedQueue<T>
            {
                private readonly object _sync = new();
                private readonly Queue<T> _items = new();
                private readonly int _bound;

                public BoundedQueue(int bound) => _bound = bound;

                public void Enqueue(T item)
                {
                    Monitor.Enter(_sync);
                    try
                    {
                        while (_items.Count >= _bound)
                        {
                            Monitor.Wait(_sync);
                        }

                        _items.Enqueue(item);
                        Monitor.PulseAll(_sync);
                    }
                    finally
                    {
                        Monitor.Exit(_sync);
                    }
                }

                public bool TryDequeue(TimeSpan timeout, out T? item)
                {
                    bool taken = false;
                    try
                    {
                        Monitor.TryEnter(_sync, timeout, ref taken);
                        if (taken && _items.Count > 0)
                        {
                            item = _items.Dequeue();
                            Monitor.PulseAll(_sync);
                            return true;
                        }
                    }
                    finally
                    {
                        if (taken) Monitor.Exit(_sync);
                    }

                    item = default;
                    return false;
                }

                public void EnterOnly() => Monitor.Enter(_sync);
                public void ExitOnly() => Monitor.Exit(_sync);
            }
            """;

        private const string SemaphoreUse = Usings + """
            public sealed class AsyncConnectionPool : IDisposable
            {
                private readonly SemaphoreSlim _slots = new(4, 4);
                private readonly SemaphoreSlim _mutex = new(1, 1);
                private readonly Stack<object> _idle = new();

                public async Task<object> RentAsync(CancellationToken cancellationToken)
                {
                    await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    await _mutex.WaitAsync(cancellationToken);
                    try
                    {
                        return _idle.Count > 0 ? _idle.Pop() : new object();
                    }
                    finally
                    {
                        _mutex.Release();
                    }
                }

                public void Return(object connection)
                {
                    if (!_mutex.Wait(TimeSpan.FromSeconds(1)))
                    {
                        throw new TimeoutException();
                    }

                    try { _idle.Push(connection); }
                    finally { _mutex.Release(); }
                    _slots.Release();
                }

                public void Dispose() { _slots.Dispose(); _mutex.Dispose(); }
            }
            """;

        private const string ReaderWriterUse = Usings + """
            public sealed class Registry : IDisposable
            {
                private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
                private readonly Dictionary<string, int> _entries = new();

                public int? Find(string name)
                {
                    _lock.EnterReadLock();
                    try { return _entries.TryGetValue(name, out var value) ? value : null; }
                    finally { _lock.ExitReadLock(); }
                }

                public int GetOrAdd(string name, Func<string, int> create)
                {
                    _lock.EnterUpgradeableReadLock();
                    try
                    {
                        if (_entries.TryGetValue(name, out var value)) return value;
                        _lock.EnterWriteLock();
                        try { return _entries[name] = create(name); }
                        finally { _lock.ExitWriteLock(); }
                    }
                    finally { _lock.ExitUpgradeableReadLock(); }
                }

                public bool TryRemove(string name)
                {
                    if (!_lock.TryEnterWriteLock(100)) return false;
                    try { return _entries.Remove(name); }
                    finally { _lock.ExitWriteLock(); }
                }

                public void Dispose() => _lock.Dispose();
            }
            """;

        private const string ThreadingLockUse = Usings + """
            public sealed class Counter
            {
                private readonly Lock _lock = new();
                private readonly Lock _other = new();
                private long _value;

                public void Increment() { lock (_lock) { _value++; } }

                public long Read() { using (_lock.EnterScope()) { return _value; } }

                public bool TryReset()
                {
                    if (!_lock.TryEnter()) return false;
                    try { _value = 0; return true; }
                    finally { _lock.Exit(); }
                }

                public void Manual() { _other.Enter(); try { _value--; } finally { _other.Exit(); } }
                public void Leaky() { _other.Enter(); }
            }
            """;

        private const string NestedConsistentOrder = Usings + """
            public sealed class Account
            {
                public readonly object Gate = new();
                public decimal Balance;
                public int Id;
            }

            public static class Bank
            {
                private static readonly object Ledger = new();

                public static void Transfer(Account from, Account to, decimal amount)
                {
                    var (first, second) = from.Id < to.Id ? (from, to) : (to, from);
                    lock (Ledger)
                    lock (first.Gate)
                    lock (second.Gate)
                    {
                        from.Balance -= amount;
                        to.Balance += amount;
                    }
                }

                public static decimal Audit(Account a)
                {
                    lock (Ledger) { lock (a.Gate) { return a.Balance; } }
                }
            }
            """;

        private const string NestedOppositeOrders = Usings + """
            public sealed class Inventory
            {
                private readonly object _stock = new();
                private readonly object _orders = new();
                private readonly SemaphoreSlim _io = new(1, 1);
                private int _count;

                public void Reserve() { lock (_stock) { lock (_orders) { _count--; } } }

                public void Cancel() { lock (_orders) { lock (_stock) { _count++; } } }

                public async Task FlushAsync()
                {
                    await _io.WaitAsync();
                    try { lock (_stock) { _count = 0; } }
                    finally { _io.Release(); }
                }

                public void Sync()
                {
                    lock (_stock) { _io.Wait(); try { _count = 1; } finally { _io.Release(); } }
                }
            }
            """;

        private const string MixedShapes = Usings + """
            public sealed class Worker
            {
                private readonly object _gate = new();
                private readonly List<Func<int>> _jobs = new();

                public IEnumerable<int> Drain()
                {
                    Func<int>[] jobs;
                    lock (_gate) { jobs = _jobs.ToArray(); _jobs.Clear(); }
                    foreach (var job in jobs) yield return job();
                }

                public void Post(Func<int> job)
                {
                    void Add() { lock (_gate) { _jobs.Add(job); } }
                    Action later = () => { lock (_gate) { _jobs.Add(() => job() + 1); } };
                    Add();
                    later();
                }

                public async Task<int> RunAsync()
                {
                    int total = 0;
                    foreach (var value in Drain()) total += value;
                    await Task.Yield();
                    lock (_gate) { return total + _jobs.Count; }
                }
            }
            """;

        private static readonly string[] AllSources =
        {
            PlainLock, MonitorUse, SemaphoreUse, ReaderWriterUse, ThreadingLockUse, NestedConsistentOrder, NestedOppositeOrders, MixedShapes,
        };

        /// <summary>A compilation without any reference to LockLevels.Annotations.</summary>
        private static CSharpCompilation CompileWithoutAnnotations(params string[] sources)
            => CSharpCompilation.Create(
                "Unannotated",
                sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview))),
                TestReferences.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private static async Task<ImmutableArray<Diagnostic>> RunOnCompilingCode(Compilation compilation)
        {
            // The sources must compile: silence over code the compiler rejects would prove little.
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            return await AnalyzerRunner.RunAsync(compilation);
        }

        [Fact]
        public async Task PlainLockStatements_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(PlainLock)));

        [Fact]
        public async Task MonitorEnterExitWaitAndTryEnter_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(MonitorUse)));

        [Fact]
        public async Task SemaphoreSlimWaitAndWaitAsync_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(SemaphoreUse)));

        [Fact]
        public async Task ReaderWriterLockSlimReadUpgradeableAndWriteLocks_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(ReaderWriterUse)));

        [Fact]
        public async Task SystemThreadingLockStatementsScopesAndEnterExit_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(ThreadingLockUse)));

        [Fact]
        public async Task NestedLocksInOneConsistentOrder_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(NestedConsistentOrder)));

        [Fact]
        public async Task NestedLocksInOppositeOrders_ReportNothingButTheUnannotatedInversionRule()
        {
            // AB-BA on unannotated locks is LL0100's to report (DESIGN.md); no annotation rule may fire.
            var diagnostics = await RunOnCompilingCode(AnalyzerRunner.Compile(NestedOppositeOrders));

            Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id != "LL0100"));
        }

        [Fact]
        public async Task LocksInIteratorsLambdasLocalFunctionsAndAsyncMethods_ReportNothing()
            => Assert.Empty(await RunOnCompilingCode(AnalyzerRunner.Compile(MixedShapes)));

        [Fact]
        public async Task AllUnannotatedSourcesInOneCompilation_ReportNothingButTheUnannotatedInversionRule()
        {
            var diagnostics = await RunOnCompilingCode(AnalyzerRunner.Compile(AllSources));

            Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id != "LL0100"));
        }

        [Fact]
        public async Task CompilationWithoutTheAnnotationsReference_ReportsNothing()
        {
            var compilation = CompileWithoutAnnotations(PlainLock, MonitorUse, SemaphoreUse, ReaderWriterUse, ThreadingLockUse, NestedConsistentOrder, MixedShapes);
            Assert.DoesNotContain(compilation.ReferencedAssemblyNames, identity => identity.Name == "LockLevels.Annotations");

            Assert.Empty(await RunOnCompilingCode(compilation));
        }

        [Fact]
        public async Task CompilationWithoutTheAnnotationsReference_WithOppositeOrders_ReportsNothingButTheUnannotatedInversionRule()
        {
            var diagnostics = await RunOnCompilingCode(CompileWithoutAnnotations(NestedOppositeOrders));

            Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Id != "LL0100"));
        }

        [Fact]
        public async Task LookAlikeAttributesFromAnotherNamespace_ReportNothing()
        {
            // Attributes that share LockLevels' names but not its namespace are not annotations.
            var compilation = CompileWithoutAnnotations(Usings + """
                [assembly: MyLocks.LockHierarchy("B", "A")]

                namespace MyLocks
                {
                    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)] public sealed class LockHierarchyAttribute : Attribute { public LockHierarchyAttribute(params string[] levels) { } }
                    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)] public sealed class LockAttribute : Attribute { public LockAttribute(string level) { } }
                    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)] public sealed class AcquiresAttribute : Attribute { public AcquiresAttribute(string level) { } }
                    [AttributeUsage(AttributeTargets.All, AllowMultiple = true)] public sealed class ReleasesAttribute : Attribute { public ReleasesAttribute(string level) { } }

                    public sealed class Store
                    {
                        [Lock("A")] private readonly object _a = new();
                        [Lock("B")] private int _b;
                        [Acquires("Z")] [Releases("Z")] [Releases("Q")] public void Both() { lock (_a) { _b++; } }
                        public void Take() { lock (_a) { Both(); } }
                    }
                }
                """);

            Assert.Empty(await RunOnCompilingCode(compilation));
        }
    }
}
