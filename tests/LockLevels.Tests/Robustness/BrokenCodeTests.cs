using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockLevels.Tests.Robustness
{
    /// <summary>
    /// Broken, half-typed and unusual code, run through every analyzer. The runner throws when an
    /// analyzer throws (what the IDE would show as AD0001), so each case fails on a crash.
    /// </summary>
    public class BrokenCodeTests
    {
        /// <summary>The snippet between the shared hierarchy and the shared annotated types, so the analyzers engage.</summary>
        private static string Annotated(string code) => Preamble.With(code);

        public static IEnumerable<object[]> Snippets() => Cases.Select(pair => new object[] { pair.Key });

        private static readonly Dictionary<string, string> Cases = new()
        {
            ["EmptySource"] = "",
            ["OnlyUnfinishedHierarchy"] = "using LockLevels;\n[assembly: LockHierarchy(",
            ["UnclosedClassBrace"] = Annotated("""
                sealed class Cache
                {
                    private readonly SuperBlock _sb = new();
                    public void M() { _sb.StartWrite();
                """),
            ["UnclosedBraceInDeepContext"] = Annotated("""
                sealed class Cache : IAddressSpaceOperations
                {
                    public void WritePages(AddressSpace mapping) { new SuperBlock().StartWrite();
                    public void ReadFolio(AddressSpace mapping) {
                """),
            ["ReceiverLevelLockHalfTyped"] = Annotated("""
                [Lock(] class Broken { [Acquires(Try = )] public bool TryEnter() => true; [Releases] public void Exit() { } }
                [Lock("FolioLock")] class Gate : Missing { [Acquires(Try = "yes")] public bool TryEnter() => true; [Acquires(Shared = true, Try = true)] public void Enter() { } }
                [Lock("FolioLock")] struct NotAClass { [Acquires] public void Enter() { } }
                class Gate2<T> where T : Gate { [Lock("MmapLock")] public T? Lock; [Acquires] public int this[int i] => 0; [Acquires] public bool P => true; }
                sealed class C
                {
                    [Lock("FolioLock")] private Unknown _u;
                    [Lock("FolioLock")] private Broken _b = new();
                    void M(Gate2<Gate> g, Gate[] gates, dynamic d)
                    {
                        if (g.Lock!.TryEnter()) { _b.Exit(); }
                        if (!gates[0].TryEnter() is false) { gates[1].Exit(); }
                        _u.Enter(); _b.TryEnter(; new Gate().Enter(); (null as Gate)?.Enter(); d.Enter();
                        _ = g[0]; _ = g.P; Gate.Enter();
                """),
            ["AcquiresWithNoClosingParenthesis"] = Annotated("""
                sealed class C
                {
                    [Acquires( public void M() { }
                    [Acquires("MmapLock" public void N() { }
                }
                """),
            ["AcquiresWithNoArguments"] = Annotated("""
                sealed class C
                {
                    [Acquires()] public void M() { }
                    [Releases] public void N() { }
                    void Use() { M(); N(); }
                }
                """),
            ["AcquiresNull"] = Annotated("""
                sealed class C
                {
                    [Acquires(null)] public void M() { }
                    [Releases(null)] public void N() { }
                    [MightAcquire(null)] public void O() { }
                    [MightAcquire((string)null)] public void P() { }
                    [CalledWithLocksHeld(null)] public void Q() { M(); O(); P(); N(); }
                }
                """),
            ["AcquiresNonConstantArgument"] = Annotated("""
                sealed class C
                {
                    static string SomeNonConst = "MmapLock";
                    [Acquires(SomeNonConst)] public void M() { }
                    [Acquires(UndefinedConst)] public void N() { }
                    [Lock(SomeNonConst)] readonly object _gate = new();
                    void Use() { M(); N(); lock (_gate) { } }
                }
                """),
            ["AcquiresWrongArgumentTypes"] = Annotated("""
                sealed class C
                {
                    [Acquires(42)] public void M() { }
                    [Acquires("MmapLock", "FolioLock")] public void N() { }
                    [Acquires("MmapLock", Shared = "yes", LongTermClaim = 5)] public void O() { }
                    [Acquires("MmapLock", Shared = , LongTermClaim = )] public void P() { }
                    [Acquires("MmapLock", Nope = true)] public void Q() { }
                    [CalledWithLocksHeld(1, 2.0, typeof(int))] public void R() { M(); N(); O(); P(); Q(); }
                }
                """),
            ["LongTermClaimNull"] = Annotated("""
                sealed class C
                {
                    [Acquires("SbWriters", LongTermClaim = null)] public void M() { }
                    [Acquires("SbWriters", LongTermClaim = "")] public void N() { }
                    [Acquires("", LongTermClaim = "Missing")] public void O() { }
                }
                """),
            ["LockWithNoArguments"] = Annotated("""
                sealed class C
                {
                    [Lock] readonly object _gate = new();
                    [Lock()] readonly SemaphoreSlim _sem = new(1, 1);
                    void M() { lock (_gate) { _sem.Wait(); _sem.Release(); } }
                }
                """),
            ["LockHierarchyEmpty"] = """
                using LockLevels;
                [assembly: LockHierarchy]
                [assembly: LockHierarchy()]
                sealed class C { [Acquires("X")] public void M() { } [Lock("X")] readonly object _gate = new(); }
                """,
            ["LockHierarchyWithNulls"] = """
                using LockLevels;
                [assembly: LockHierarchy("A", null)]
                [assembly: LockHierarchy(null)]
                [assembly: LockHierarchy((string)null, "A")]
                [assembly: LockHierarchy(new string[] { null, "B", null })]
                [assembly: LockHierarchy((string[])null)]
                sealed class C { [Acquires("A")] public void M() { } [Acquires("B")] public void N() { M(); } }
                """,
            ["LockHierarchyNonConstant"] = """
                using LockLevels;
                [assembly: LockHierarchy(Levels.Outer, Levels.Inner, 3)]
                static class Levels { public static string Outer = "A"; public const string Inner = "B"; }
                """,
            ["LockHierarchyOnAType"] = Annotated("""
                [LockHierarchy("A", "B")]
                sealed class C { }
                [module: LockHierarchy("A")]
                """),
            ["AttributesOnWrongTargets"] = Annotated("""
                [Lock("FolioLock")]
                sealed class C
                {
                    [Acquires("MmapLock")] readonly object _field = new();
                    [CalledWithLocksHeld("FolioLock")] public int Property { get; set; }
                    [Releases("MmapLock")] public event Action? Changed;
                    public void M([Acquires("MmapLock")] int x, [Lock("FolioLock")] object gate) { lock (gate) { } }
                    [return: Acquires("MmapLock")] public int N() => 0;
                    [Lock("FolioLock")] public void O() { }
                }
                """),
            ["AttributesOnAccessorsAndConstructors"] = Annotated("""
                sealed class C
                {
                    [Acquires("MmapLock")] public C() { }
                    [Releases("MmapLock")] ~C() { }
                    public int P { [Acquires("FolioLock")] get => 0; [Releases("FolioLock")] set { } }
                    [Acquires("MmapLock")] public static C operator +(C a, C b) => a;
                    void Use() { var c = new C() + new C(); c.P = c.P; }
                }
                """),
            ["HalfTypedEntryAnnotations"] = Annotated("""
                [assembly: AcquiredWithLocksNotHeld()]
                [assembly: AcquiredWithLocksNotHeld(null)]
                [assembly: AcquiredWithLocksNotHeld("MmapLock")]
                [assembly: AcquiredWithLocksNotHeld("MmapLock", null, "", 42)]
                [assembly: AcquiredWithLocksNotHeld(, "FolioLock")]
                sealed class C
                {
                    [CalledWithLocksNotHeld(] public void M() { }
                    [CalledWithLocksNotHeld(null)] public void N() { }
                    [CalledWithLocksNotHeld("", (string)null, 3)] public C() { }
                    [CalledWithLocksNotHeld("FolioLock")] public int P { get => 0; set { } }
                    [CalledWithLocksNotHeld("FolioLock")] static C() { }
                    [CalledWithLocksHeld("FolioLock"), CalledWithLocksNotHeld("FolioLock")] ~C() { }
                    void Use(AddressSpace mapping)
                    {
                        lock (mapping.FolioLock)
                        {
                            M(); N(); _ = new C(); P = P + 1; Undefined();
                            Action a = [CalledWithLocksNotHeld("FolioLock")] () => M();
                            a();
                            Local();
                            [CalledWithLocksHeld(] void Local() { lock (mapping.MmapLock) { } }
                        }
                    }
                }
                """),
            ["GenericAndPartialTypes"] = Annotated("""
                partial class Pool<T> where T : class
                {
                    [Lock("FolioLock")] readonly T _gate;
                    [Acquires("MmapLock")] partial void Take();
                    [CalledWithLocksHeld("FolioLock")] public void Drain<U>(U item) { Take(); lock (_gate) { } }
                }
                partial class Pool<T>
                {
                    public Pool(T gate) { _gate = gate; }
                    partial void Take() { }
                    [Releases("MmapLock")] partial void Give();
                    void Use() { new Pool<string>("x").Drain(1); Give(); }
                }
                """),
            ["LockOnUndefinedIdentifier"] = Annotated("""
                sealed class C
                {
                    void M(SuperBlock sb)
                    {
                        lock (undefinedThing) { sb.StartWrite(); }
                        lock (UndefinedType.Field) { }
                        lock () { }
                        Monitor.Enter(alsoUndefined);
                    }
                }
                """),
            ["UndefinedCallsWhileHoldingLocks"] = Annotated("""
                sealed class C
                {
                    void M(AddressSpace mapping, SuperBlock sb)
                    {
                        lock (mapping.FolioLock)
                        {
                            Undefined();
                            sb.Nope();
                            mapping.InvalidateLock.EnterWriteLok();
                            sb.StartWrite(1, 2);
                            new Missing().Acquire();
                        }
                    }
                }
                """),
            ["UnfinishedUsing"] = Annotated("""
                sealed class C
                {
                    void M(SuperBlock sb)
                    {
                        using (sb.StartWriteScope()
                    }
                    void N(SuperBlock sb) { using (var scope = sb.StartWriteScope( }
                    void O(SuperBlock sb) { using var scope = ; }
                }
                """),
            ["HalfTypedLambdas"] = Annotated("""
                sealed class C
                {
                    void M(SuperBlock sb, AddressSpace mapping)
                    {
                        Action a = () => { sb.StartWrite();
                        Func<int, int> f = x =>
                        Action b = () => lock (mapping.FolioLock) { sb.StartWrite(); };
                        Action c = async () => { await Task.Yield(); sb.StartWrite(); };
                    }
                }
                """),
            ["OnlyUnfinishedStartWrite"] = Annotated("""
                sealed class C
                {
                    void M(SuperBlock sb) { sb.StartWrite( }
                }
                """),
            ["UnfinishedStartWriteInDeepContext"] = Annotated("""
                sealed class Cache : IAddressSpaceOperations
                {
                    readonly SuperBlock _sb = new();
                    public void WritePages(AddressSpace mapping) { _sb.StartWrite( }
                    public void ReadFolio(AddressSpace mapping) { _sb.
                }
                """),
            ["LocalFunctions"] = Annotated("""
                sealed class Cache : IAddressSpaceOperations
                {
                    readonly SuperBlock _sb = new();
                    public void WritePages(AddressSpace mapping)
                    {
                        Inner();
                        Recurse(3);
                        void Inner() { lock (mapping.FolioLock) { _sb.StartWrite(); _sb.EndWrite(); } }
                        [Acquires("MmapLock")] static void Annotated() { }
                        void Recurse(int n) { if (n > 0) { lock (mapping.FolioLock) { Recurse(n - 1); } } }
                        int Unfinished(int x) { lock (mapping.FolioLock) { return x
                    }
                    public void ReadFolio(AddressSpace mapping) { }
                }
                """),
            ["CalledWithLocksHeldInterfaceOnGenericClass"] = Annotated("""
                sealed class GenericCache<T> : IAddressSpaceOperations
                {
                    readonly SuperBlock _sb = new();
                    public void WritePages(AddressSpace mapping) { _sb.StartWrite(); _sb.EndWrite(); }
                    void IAddressSpaceOperations.ReadFolio(AddressSpace mapping) { Iov.FaultInReadable(); }
                }
                interface IOps<T> { [CalledWithLocksHeld("FolioLock")] void Do(T item); }
                sealed class Ops<T> : IOps<T>, IOps<int>
                {
                    public void Do(T item) { new Mm().MmapLock.Wait(); }
                    public void Do(int item) { new SuperBlock().StartWrite(); }
                }
                class Base<T> { [CalledWithLocksHeld("InvalidateLock")] public virtual void Run(T x) { } }
                sealed class Derived : Base<string> { public override void Run(string x) { new SuperBlock().StartWrite(); } }
                """),
            ["DefaultInterfaceMethods"] = Annotated("""
                interface IDefaultOps
                {
                    [CalledWithLocksHeld("FolioLock")] void Write(SuperBlock sb) { sb.StartWrite(); sb.EndWrite(); }
                    [Acquires("MmapLock")] static void Static() { }
                    [CalledWithLocksHeld("MmapLock")] abstract void Abstract();
                    void Caller() { Write(new SuperBlock()); Static(); }
                }
                sealed class Impl : IDefaultOps { public void Abstract() { new SuperBlock().StartWrite(); } }
                """),
            ["Records"] = Annotated("""
                record Inode([property: Lock("FolioLock")] object Gate)
                {
                    [Acquires("MmapLock")] public void Take() { }
                    public void M() { lock (Gate) { Take(); } }
                }
                record struct Counter([property: Lock("FolioLock")] int Value, [field: Lock("MmapLock")] object Other);
                sealed record Derived(object Gate) : Inode(Gate) { [Releases("MmapLock")] public void Give() { } }
                """),
            ["AsyncMethodsWithWaitAsync"] = Annotated("""
                sealed class Cache : IAddressSpaceOperations
                {
                    readonly Mm _mm = new();
                    public async void WritePages(AddressSpace mapping)
                    {
                        await _mm.MmapLock.WaitAsync();
                        try { await Task.Delay(1); new SuperBlock().StartWrite(); }
                        finally { _mm.MmapLock.Release(); }
                    }
                    public void ReadFolio(AddressSpace mapping) { }
                    async Task<int> M()
                    {
                        if (await _mm.MmapLock.WaitAsync(10)) { try { return 1; } finally { _mm.MmapLock.Release(); } }
                        await foreach (var x in Items()) { await _mm.MmapLock.WaitAsync(); }
                        return 0;
                    }
                    static async IAsyncEnumerable<int> Items() { await Task.Yield(); yield return 1; }
                }
                """),
            ["IteratorMethods"] = Annotated("""
                sealed class C
                {
                    readonly AddressSpace _mapping = new();
                    IEnumerable<int> Items()
                    {
                        lock (_mapping.FolioLock) { yield return 1; }
                        _mapping.InvalidateLock.EnterReadLock();
                        try { yield return 2; } finally { _mapping.InvalidateLock.ExitReadLock(); }
                        yield break;
                    }
                    [Acquires("MmapLock")] IEnumerable<int> Annotated() { yield return 0; }
                }
                """),
            ["MonitorAndThreadingLockShapes"] = Annotated("""
                sealed class C
                {
                    [Lock("FolioLock")] readonly System.Threading.Lock _gate = new();
                    [Lock("MmapLock")] readonly object _obj = new();
                    void M()
                    {
                        bool taken = false;
                        try { Monitor.Enter(_obj, ref taken); } finally { if (taken) Monitor.Exit(_obj); }
                        if (!Monitor.TryEnter(_obj, 10)) return;
                        Monitor.Exit(_obj);
                        using (_gate.EnterScope()) { }
                        var scope = _gate.EnterScope(); scope.Dispose();
                        lock (_gate) { lock (_obj) { } }
                        if (_gate.TryEnter()) _gate.Exit();
                        Monitor.Exit(_obj);
                    }
                }
                """),
            ["ControlFlowOddities"] = Annotated("""
                sealed class C
                {
                    readonly AddressSpace _mapping = new();
                    readonly SuperBlock _sb = new();
                    int M(int x)
                    {
                    again:
                        lock (_mapping.FolioLock)
                        {
                            switch (x) { case 0: goto again; case 1: throw new Exception(); case 2: return x switch { 1 => 1, _ => throw null! }; }
                            try { _sb.StartWrite(); } catch (Exception e) when (e.Message == "x") { _sb.EndWrite(); throw; } finally { x++; }
                            while (true) { if (x-- < 0) break; continue; }
                            _ = _sb ?? throw new Exception();
                        }
                        _sb?.StartWrite();
                        _sb!.EndWrite();
                        return x > 0 ? M(x - 1) : 0;
                    }
                }
                """),
            ["MembersOfEveryKind"] = Annotated("""
                sealed class C
                {
                    static readonly SuperBlock Sb = new();
                    readonly IDisposable _scope = Sb.StartWriteScope();
                    static C() { Sb.StartWrite(); }
                    public int this[int i] { get { lock (Sb) { return i; } } }
                    public event Action E { add { Sb.StartWrite(); } remove { Sb.EndWrite(); } }
                    public int P => Sb.StartWriteScope() is null ? 0 : 1;
                    int _q = Compute(Sb.StartWriteScope());
                    static int Compute(IDisposable d) => 0;
                    void Default(IDisposable d = null!) { }
                }
                """),
            ["DelegatesDynamicAndExtensions"] = Annotated("""
                static class MmExtensions { [Acquires("MmapLock")] public static void Lock(this Mm mm) { } [Releases("MmapLock")] public static void Unlock(this Mm mm) { } }
                sealed class C
                {
                    void M(SuperBlock sb, Mm mm)
                    {
                        Action a = sb.StartWrite;
                        a();
                        dynamic d = sb;
                        d.StartWrite();
                        mm.Lock();
                        MmExtensions.Unlock(mm);
                        ((Action)sb.EndWrite)();
                        var f = (Func<IDisposable>)sb.StartWriteScope;
                        using (f()) { }
                    }
                }
                """),
            ["MissingUsingForAnnotations"] = """
                [assembly: LockHierarchy("A", "B")]
                sealed class C
                {
                    [Lock("A")] readonly object _gate = new();
                    [Acquires("B")] public void M() { lock (_gate) { } }
                }
                """,
            ["FullyQualifiedAttributesAndAliases"] = """
                using L = LockLevels.LockAttribute;
                [assembly: LockLevels.LockHierarchyAttribute("A", "B")]
                sealed class C
                {
                    [L("B")] readonly object _inner = new();
                    [global::LockLevels.Acquires("A")] public void Outer() { }
                    void M() { lock (_inner) { Outer(); } }
                }
                """,
            ["DuplicateAndCircularDeclarations"] = Annotated("""
                sealed class C
                {
                    [Acquires("MmapLock")] public void M() { }
                    [Releases("MmapLock")] public void M() { }
                    [Lock("FolioLock")] object _gate;
                    [Lock("MmapLock")] object _gate;
                    void N() { M(); lock (_gate) { } }
                }
                class A : B { [CalledWithLocksHeld("FolioLock")] public virtual void Run() { } }
                class B : A { public override void Run() { new SuperBlock().StartWrite(); } }
                """),
            ["CalledWithLocksHeldWithoutArguments"] = Annotated("""
                interface IBare { [CalledWithLocksHeld] void A(); [CalledWithLocksHeld()] void B(); [CalledWithLocksHeld("")] void C(); }
                sealed class Bare : IBare
                {
                    public void A() { new SuperBlock().StartWrite(); }
                    public void B() { Iov.FaultInReadable(); }
                    public void C() { }
                }
                """),
            ["TopLevelStatements"] = Preamble.Hierarchy + """
                var sb = new SuperBlock();
                var mapping = new AddressSpace();
                lock (mapping.FolioLock) { sb.StartWrite(); }
                [Acquires("MmapLock")] static void Local() { }
                Local();
                """ + Preamble.Types,
            ["DisabledCodeAndDirectives"] = Annotated("""
                #if NEVER
                sealed class Hidden { [Acquires("Nope")] public void M() { } }
                #endif
                #pragma warning disable LL0001
                sealed class C { void M(AddressSpace a, SuperBlock sb) { lock (a.FolioLock) { sb.StartWrite(); } } }
                #pragma warning restore LL0001
                #nullable disable
                #region
                """),
            ["ValueTypeLockMembersUsedInLocks"] = Annotated("""
                sealed class C
                {
                    [Lock("FolioLock")] int _count;
                    [Lock("MmapLock")] SpinLock _spin;
                    void M() { lock (_count) { } bool t = false; _spin.Enter(ref t); Monitor.Enter(_count); }
                }
                """),
            ["DeeplyNestedLocks"] = Annotated("""
                sealed class C
                {
                    readonly AddressSpace _a = new();
                    readonly SuperBlock _sb = new();
                    void M(int n)
                    {
                """ + string.Concat(Enumerable.Repeat("lock (_a.FolioLock) { using (_sb.StartWriteScope()) { for (int i = 0; i < n; i++) { if (i % 2 == 0) { _sb.StartWrite(); } else { _sb.EndWrite(); } ", 40))
                + string.Concat(Enumerable.Repeat("} } } ", 40)) + """
                    }
                }
                """),
            ["AwaitUsingAndAsyncDisposal"] = Annotated("""
                sealed class Scope : IAsyncDisposable, IDisposable { public ValueTask DisposeAsync() => default; public void Dispose() { } }
                sealed class C
                {
                    [Acquires("MmapLock")] Scope Take() => new Scope();
                    async Task M() { await using (Take()) { } await using var s = Take(); using (Take()) { } }
                }
                """),
            ["HalfTypedMembersFixedAtConstructionAndHooks"] = """
                using System.Threading;
                class Node
                {
                    private readonly object _sync = new();
                    private readonly Node _parent;
                    private readonly Node _other;
                    public Node(Node parent) { _parent = Guard.Check(parent, ); _other = Guard.(parent); }
                    public Node(Node parent, int x) : this(parent) { _parent = Guard.Check(, nameof(parent)); _other = Missing.Check(parent, nameof()); }
                    public Node(ref Node parent) { _parent = Guard.Check(ref parent); }
                    public void Changed() { lock (_sync) { _parent?.Changed(); _other?.; _parent?.Missing(); this?._other?.Changed(); } }
                    protected virtual void Hook() { lock (_sync) { _parent.Hook(); base.Hook(); } }
                }
                static class Guard { public static T Check<T>(T value, string name = null) => value; }
                abstract class Base { protected abstract void Run(); public void Go() { lock (this) { Run(); } } protected internal virtual void Other( }
                class Derived : Base { protected override void Run() { lock (this) { Other(); } } protected override void Missing() { } protected internal override void Other() { lock (this) { } } }
                """,
            ["GarbageTokens"] = Annotated("""
                sealed class C { [Acquires("MmapLock")] public void M() { ))) ;;; lock lock ( } } }
                }}} [Lock(] [[ ]] #
                """),
        };

        [Theory]
        [MemberData(nameof(Snippets))]
        public async Task AnalyzersDoNotThrow(string name)
        {
            var compilation = AnalyzerRunner.Compile("using System.Collections.Generic;\nusing System.Threading.Tasks;\n" + Cases[name]);

            // The runner throws when any analyzer throws.
            await AnalyzerRunner.RunAsync(compilation);
        }

        [Fact]
        public void Cases_AreNumerousAndMostlyAnnotated()
        {
            Assert.True(Cases.Count >= 25, "only " + Cases.Count + " broken-code cases");
            Assert.True(Cases.Values.Count(source => source.Contains(Preamble.Types, System.StringComparison.Ordinal)) >= 20);
        }

        [Fact]
        public async Task BrokenMethodElsewhere_DoesNotSilenceTheDeepContextReport()
        {
            var compilation = AnalyzerRunner.Compile(Preamble.With("""
                sealed class Cache : IAddressSpaceOperations
                {
                    private readonly SuperBlock _sb = new();
                    public void WritePages(AddressSpace mapping) { _sb.StartWrite(); _sb.EndWrite(); }
                    public void ReadFolio(AddressSpace mapping) { }
                }
                sealed class Broken { void M(SuperBlock sb) { sb.StartWrite( } }
                """));

            var diagnostics = await AnalyzerRunner.RunAsync(compilation);

            var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LL0002");
            Assert.Equal("_sb.StartWrite()", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
        }

        [Fact]
        public async Task BrokenAnnotationElsewhere_DoesNotSilenceTheUnknownLevelReport()
        {
            var compilation = AnalyzerRunner.Compile(Preamble.With("""
                sealed class C
                {
                    [Acquires( public void Broken() { }
                    [Acquires("Typo")] public void M() { }
                }
                """));

            var diagnostics = await AnalyzerRunner.RunAsync(compilation);

            var reported = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "LL0900");
            Assert.Equal("\"Typo\"", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
        }

        [Fact]
        public async Task AnnotatedTypesSplitAcrossFilesWithOneBroken_DoNotThrow()
        {
            var compilation = AnalyzerRunner.Compile(
                Preamble.Hierarchy,
                "using LockLevels; partial class P { [Acquires(\"MmapLock\")] partial void Take(); void M() { Take(); ",
                "using LockLevels; partial class P { partial void Take() { } [Releases(\"MmapLock\")] void Give() { } }",
                "using LockLevels;" + Preamble.Types);

            await AnalyzerRunner.RunAsync(compilation);
        }
    }
}
