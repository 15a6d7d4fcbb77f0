using System;
using System.Collections.Generic;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The names the first pass matches by text: the framework's locking calls, the LockLevels
    /// attributes, the members the compiler calls without naming them, and the pseudo-names that
    /// stand for calls no name spells.
    /// </summary>
    internal static class ReachNames
    {
        /// <summary>Declared by every constructor and type: <c>new()</c>, <c>base(...)</c> and collection expressions may reach any of them.</summary>
        public const string AnyConstructor = "<ctor>";

        /// <summary>Declared by indexers; element access reaches it.</summary>
        public const string Indexer = "this[]";

        /// <summary>Declared by user-defined unary and binary operators; operator syntax reaches it.</summary>
        public const string Operator = "<op>";

        /// <summary>Declared by explicit conversion operators; casts and foreach (its element conversion) reach it.</summary>
        public const string ExplicitConversion = "<conversion>";

        /// <summary>
        /// Declared by implicit conversions and the true/false operators, which the compiler may call
        /// wherever a value flows or a condition is tested: when one matters, every body does.
        /// </summary>
        public const string Anywhere = "<anywhere>";

        /// <summary>
        /// Declared by every lambda, anonymous method, local function and query, and by the methods
        /// used as method groups: a delegate invocation that the syntax cannot resolve reaches them all.
        /// </summary>
        public const string AnyDelegate = "<delegate>";

        /// <summary>
        /// Every method of the framework's locking types the engine classifies or treats as affecting
        /// locks (Monitor, SemaphoreSlim, ReaderWriterLockSlim, System.Threading.Lock), and the waits
        /// of the other primitives. A call by one of these names is a seed whatever its receiver.
        /// Dispose is left out: disposing a lock object (or a Lock.Scope held in a parameter) takes or
        /// releases nothing, and a scope's disposal is an event only together with its acquisition
        /// (EnterScope or an annotated call), which is a seed in the same body.
        /// </summary>
        public static readonly HashSet<string> LockApis = new(StringComparer.Ordinal)
        {
            "Enter", "TryEnter", "Exit", "IsEntered", "Wait", "Pulse", "PulseAll",
            "WaitAsync", "Release",
            "EnterReadLock", "TryEnterReadLock", "ExitReadLock",
            "EnterWriteLock", "TryEnterWriteLock", "ExitWriteLock",
            "EnterUpgradeableReadLock", "TryEnterUpgradeableReadLock", "ExitUpgradeableReadLock",
            "EnterScope",
            "WaitOne", "WaitAny", "WaitAll", "SignalAndWait", "ReleaseMutex",
            "AcquireReaderLock", "AcquireWriterLock", "ReleaseReaderLock", "ReleaseWriterLock", "UpgradeToWriterLock", "DowngradeFromWriterLock", "ReleaseLock", "RestoreLock",
        };

        /// <summary>LockLevels' attributes, as written in source: with or without the Attribute suffix.</summary>
        public static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
        {
            "Acquires", "AcquiresAttribute",
            "Releases", "ReleasesAttribute",
            "MightAcquire", "MightAcquireAttribute",
            "CalledWithLocksHeld", "CalledWithLocksHeldAttribute",
            "CalledWithLocksNotHeld", "CalledWithLocksNotHeldAttribute",
            "Lock", "LockAttribute",
            "LockSetup", "LockSetupAttribute",
            "LockTeardown", "LockTeardownAttribute",
        };

        /// <summary>The attribute that makes a type an interpolated string handler, whose constructor and Append calls a <c>$"..."</c> makes.</summary>
        public static bool IsInterpolatedStringHandlerAttribute(string name)
            => name == "InterpolatedStringHandler" || name == "InterpolatedStringHandlerAttribute";

        /// <summary>Names a delegate is invoked by when it is not called like a method.</summary>
        public static readonly string[] DelegateInvokes = { "Invoke", "BeginInvoke", "DynamicInvoke" };

        public static readonly string[] Disposal = { "Dispose", "DisposeAsync" };

        public static readonly string[] Enumeration =
        {
            "GetEnumerator", "MoveNext", "Current", "Dispose",
            "GetAsyncEnumerator", "MoveNextAsync", "DisposeAsync", ExplicitConversion,
        };

        public static readonly string[] Awaiting = { "GetAwaiter", "IsCompleted", "GetResult", "OnCompleted", "UnsafeOnCompleted" };

        public static readonly string[] Deconstruction = { "Deconstruct" };

        public static readonly string[] CollectionInitializer = { "Add" };

        /// <summary>A collection expression may construct its target, add to it, or call a builder's Create.</summary>
        public static readonly string[] CollectionExpression = { AnyConstructor, "Add", "AddRange", "Create", "CreateRange" };

        /// <summary>Ranges, indices from the end and list patterns use the length, the indexer and Slice.</summary>
        public static readonly string[] IndexAndRange = { "Length", "Count", Indexer, "Slice", "Substring" };

        public static readonly string[] Pinning = { "GetPinnableReference" };

        public static readonly string[] Interpolation = { "AppendLiteral", "AppendFormatted" };

        /// <summary>What a query expression's clauses translate to.</summary>
        public static readonly string[] Query =
        {
            "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending",
            "ThenBy", "ThenByDescending", "GroupBy", "Cast",
        };

        /// <summary>True for pseudo-names: never annotations, never source identifiers.</summary>
        public static bool IsPseudo(string name) => name.Length > 0 && name[0] == '<' || name == Indexer;
    }
}
