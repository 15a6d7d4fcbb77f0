using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Inversion = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.LockOrderInversionRule>;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CallChainRule>;

namespace LockLevels.Tests.Reach
{
    /// <summary>
    /// With the first pass on (the analyzer's default), a lock reached only through a call the
    /// compiler makes without naming it at the call site is still reported (issue 12, item 3), as are
    /// the overrides and stored delegates that lock-free bodies make reachable. Each source's only
    /// path to the acquisition is the shape in the test's name.
    /// </summary>
    public class FirstPassImplicitCallTests
    {
        private static DiagnosticResult Chain(string callee, string chain, int hops)
        {
            var result = Verify.Diagnostic("LL0003").WithLocation(0);
            for (int hop = 1; hop <= hops; hop++)
            {
                result = result.WithLocation(hop);
            }

            return result.WithArguments(callee, "SbWriters", "FolioLock", chain);
        }

        /// <summary>A property read calls its getter.</summary>
        [Fact]
        public Task LockReachedOnlyThroughPropertyGetter_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Cache
            {
                private readonly SuperBlock _backing = new();
                public int Size { get { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); return 1; } }
            }

            class Netfs
            {
                int Writeback(AddressSpace mapping, Cache cache) { lock (mapping.FolioLock) { return {|#0:cache.Size|}; } }
            }
            """), Chain("Cache.Size", "Cache.Size → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>Element access calls the indexer.</summary>
        [Fact]
        public Task LockReachedOnlyThroughIndexer_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Table
            {
                private readonly SuperBlock _backing = new();
                public int this[int i] { get { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); return i; } }
            }

            class Netfs
            {
                int Writeback(AddressSpace mapping, Table table) { lock (mapping.FolioLock) { return {|#0:table[3]|}; } }
            }
            """), Chain("Table.this[]", "Table.this[] → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary><c>new</c> calls the constructor.</summary>
        [Fact]
        public Task LockReachedOnlyThroughConstructor_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Journal
            {
                private readonly SuperBlock _backing = new();
                public Journal() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            class Netfs
            {
                object Writeback(AddressSpace mapping) { lock (mapping.FolioLock) { return {|#0:new Journal()|}; } }
            }
            """), Chain("Journal constructor", "Journal constructor → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>A constructor calls its base constructor.</summary>
        [Fact]
        public Task LockReachedOnlyThroughBaseConstructor_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Base
            {
                private readonly SuperBlock _backing = new();
                protected Base() { {|#2:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            sealed class Derived : Base
            {
                public Derived() {|#1:: base()|} { }
            }

            class Netfs
            {
                object Writeback(AddressSpace mapping) { lock (mapping.FolioLock) { return {|#0:new Derived()|}; } }
            }
            """), Chain("Derived constructor", "Derived constructor → Base constructor → SuperBlock.StartWrite (SbWriters)", 2));

        /// <summary><c>using</c> calls Dispose (the engine follows a pattern-based Dispose; IDisposable.Dispose is another assembly's member, which it does not expand).</summary>
        [Fact]
        public Task LockReachedOnlyThroughDisposeInUsing_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            ref struct Scope
            {
                public SuperBlock Backing;
                public void Dispose() { {|#1:Backing.StartWrite()|}; Backing.EndWrite(); }
            }

            class Netfs
            {
                void Writeback(AddressSpace mapping, Scope scope) { lock (mapping.FolioLock) { using ({|#0:scope|}) { } } }
            }
            """), Chain("Scope.Dispose", "Scope.Dispose → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary><c>foreach</c> calls GetEnumerator.</summary>
        [Fact]
        public Task LockReachedOnlyThroughGetEnumeratorInForeach_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Bag
            {
                private readonly SuperBlock _backing = new();
                public System.Collections.Generic.List<int>.Enumerator GetEnumerator() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); return new System.Collections.Generic.List<int>().GetEnumerator(); }
            }

            class Netfs
            {
                int Writeback(AddressSpace mapping, Bag bag) { int sum = 0; lock (mapping.FolioLock) { foreach (var item in {|#0:bag|}) { sum += item; } } return sum; }
            }
            """), Chain("Bag.GetEnumerator", "Bag.GetEnumerator → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>Raising an event calls the handlers subscribed with <c>+=</c>; the handler's subscriber and the raiser take no lock themselves.</summary>
        [Fact]
        public Task LockReachedOnlyThroughRaisedEvent_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Bus
            {
                public event Action? Changed;
                public void Raise(AddressSpace mapping) { lock (mapping.FolioLock) { Changed?{|#0:.Invoke()|}; } }
            }

            sealed class Listener
            {
                private readonly SuperBlock _backing = new();
                public void Attach(Bus bus) => bus.Changed += OnChanged;
                private void OnChanged() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }
            """), Chain("Listener.OnChanged", "Listener.OnChanged → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>A method group converted to a delegate and stored in a field runs where the field is invoked.</summary>
        [Fact]
        public Task LockReachedOnlyThroughMethodGroupStoredAsDelegate_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                private readonly SuperBlock _backing = new();
                private Action? _step;
                public void Setup() => _step = Flush;
                public void Writeback(AddressSpace mapping) { lock (mapping.FolioLock) { _step?{|#0:.Invoke()|}; } }
                private void Flush() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }
            """), Chain("Netfs.Flush", "Netfs.Flush → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>A local function is a body of its own, called by name.</summary>
        [Fact]
        public Task LockReachedOnlyThroughLocalFunction_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                private readonly SuperBlock _backing = new();
                void Writeback(AddressSpace mapping)
                {
                    lock (mapping.FolioLock) { {|#0:Flush()|}; }
                    void Flush() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
                }
            }
            """), Chain("Flush", "Flush → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>A collection initializer calls Add.</summary>
        [Fact]
        public Task LockReachedOnlyThroughCollectionInitializerAdd_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Registry : System.Collections.IEnumerable
            {
                private readonly SuperBlock _backing = new();
                public void Add(int item) { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
                public System.Collections.IEnumerator GetEnumerator() => null!;
            }

            class Netfs
            {
                object Fill(AddressSpace mapping) { lock (mapping.FolioLock) { return new Registry { {|#0:1|} }; } }
            }
            """), Chain("Registry.Add", "Registry.Add → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>An interface call reaches an explicit implementation, which the first pass knows by its member name.</summary>
        [Fact]
        public Task LockReachedOnlyThroughExplicitInterfaceImplementation_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface IFlusher { void Flush(); }

            sealed class Explicit : IFlusher
            {
                private readonly SuperBlock _backing = new();
                void IFlusher.Flush() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            class Netfs
            {
                void Dispatch(AddressSpace mapping, IFlusher flusher) { lock (mapping.FolioLock) { {|#0:flusher.Flush()|}; } }
                static IFlusher Make() => new Explicit();
            }
            """), Chain("Explicit.IFlusher.Flush", "Explicit.IFlusher.Flush → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>An extension method is called by name on its receiver.</summary>
        [Fact]
        public Task LockReachedOnlyThroughExtensionMethod_IsReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            static class Extensions
            {
                private static readonly SuperBlock Backing = new();
                public static void Sync(this AddressSpace mapping) { {|#1:Backing.StartWrite()|}; Backing.EndWrite(); }
            }

            class Netfs
            {
                void Extend(AddressSpace mapping) { lock (mapping.FolioLock) { {|#0:mapping.Sync()|}; } }
            }
            """), Chain("Extensions.Sync", "Extensions.Sync → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>The type is created only in a factory that takes no lock and calls nothing that does: the first pass keeps the factory for its creation, which makes the override live.</summary>
        [Fact]
        public Task OverrideOfATypeCreatedOnlyInALockFreeBody_IsReached() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface ICache { void Store(); }

            sealed class MemoryCache : ICache { public void Store() { } }

            sealed class DiskCache : ICache
            {
                private readonly SuperBlock _backing = new();
                public void Store() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            class Netfs
            {
                void Writeback(AddressSpace mapping, ICache cache) { lock (mapping.FolioLock) { {|#0:cache.Store()|}; } }
            }

            static class Factory
            {
                public static ICache Create(bool disk) => disk ? new DiskCache() : new MemoryCache();
            }
            """), Chain("DiskCache.Store", "DiskCache.Store → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>Creating a derived type makes its base's override live: the first pass follows derivation by name.</summary>
        [Fact]
        public Task OverrideOfATypeLiveOnlyThroughADerivedTypeCreated_IsReached() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            abstract class Cache { public abstract void Store(); }

            class DiskCache : Cache
            {
                private readonly SuperBlock _backing = new();
                public override void Store() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            sealed class TieredCache : DiskCache { }

            class Netfs
            {
                void Writeback(AddressSpace mapping, Cache cache) { lock (mapping.FolioLock) { {|#0:cache.Store()|}; } }
            }

            static class Factory
            {
                public static Cache Create() => new TieredCache();
            }
            """), Chain("DiskCache.Store", "DiskCache.Store → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>A type argument written at a call makes the type live (a factory by type).</summary>
        [Fact]
        public Task OverrideOfATypeLiveOnlyThroughATypeArgument_IsReached() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface ICache { void Store(); }

            sealed class DiskCache : ICache
            {
                private readonly SuperBlock _backing = new();
                public void Store() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }

            class Netfs
            {
                void Writeback(AddressSpace mapping, ICache cache) { lock (mapping.FolioLock) { {|#0:cache.Store()|}; } }
            }

            static class Services
            {
                public static T Make<T>() where T : new() => new T();
                public static ICache Create() => Make<DiskCache>();
            }
            """), Chain("DiskCache.Store", "DiskCache.Store → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>Subscribe takes no lock and calls nothing that does, but it stores its delegate parameter: the first pass keeps it because a caller that matters calls it, and it has a delegate parameter.</summary>
        [Fact]
        public Task DelegateParameterStoredByALockFreeMethod_IsFollowed() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            sealed class Timer
            {
                private readonly System.Collections.Generic.Queue<Action> _callbacks = new();
                public void Subscribe(Action callback) => _callbacks.Enqueue(callback);
                public void Fire(AddressSpace mapping) { lock (mapping.FolioLock) { {|#0:_callbacks.Dequeue()()|}; } }
            }

            sealed class Writer
            {
                private readonly SuperBlock _backing = new();
                public void Attach(Timer timer) => timer.Subscribe(Flush);
                private void Flush() { {|#1:_backing.StartWrite()|}; _backing.EndWrite(); }
            }
            """), Chain("Writer.Flush", "Writer.Flush → SuperBlock.StartWrite (SbWriters)", 1));

        /// <summary>
        /// Operators and conversions are bodies of their own: their acquisitions are checked. (The
        /// engine records no call through operator syntax, so no chain runs through one.)
        /// </summary>
        [Fact]
        public Task AcquisitionsInOperatorAndConversionBodies_AreReported() => Inversion.VerifyAnalyzerAsync(Preamble.With("""
            readonly struct Money
            {
                private static readonly SuperBlock Backing = new();
                private static readonly AddressSpace Mapping = new();
                public static Money operator +(Money a, Money b) { lock ({|#1:Mapping.FolioLock|}) { {|#0:Backing.StartWrite()|}; Backing.EndWrite(); } return a; }
                public static explicit operator int(Money m) { lock ({|#3:Mapping.FolioLock|}) { {|#2:Backing.StartWrite()|}; Backing.EndWrite(); } return 0; }
            }
            """),
            Inversion.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("SbWriters", "FolioLock"),
            Inversion.Diagnostic("LL0001").WithLocation(2).WithLocation(3).WithArguments("SbWriters", "FolioLock"));
    }
}
