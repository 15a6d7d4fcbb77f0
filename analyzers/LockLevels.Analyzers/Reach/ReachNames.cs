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
        /// <summary>
        /// What a constructor declares for each number of arguments it takes (a type for its implicit or
        /// primary constructor), and a <c>new(...)</c> whose type the syntax does not spell refers to.
        /// </summary>
        public static string Constructor(int arguments) => arguments < Constructors.Length ? Constructors[arguments] : "<ctor>/" + arguments;

        /// <summary>Declared by a constructor with a params parameter; referred to by every <c>new(...)</c> whose type the syntax does not spell.</summary>
        public const string ParamsConstructor = "<ctor>/params";

        private static readonly string[] Constructors = { "<ctor>/0", "<ctor>/1", "<ctor>/2", "<ctor>/3", "<ctor>/4", "<ctor>/5", "<ctor>/6", "<ctor>/7" };

        /// <summary>Declared by indexers; element access reaches it.</summary>
        public const string Indexer = "this[]";

        /// <summary>What user-defined operators declare, followed by their token (<c>&lt;op&gt;==</c>): operator syntax with that token reaches them.</summary>
        public const string Operator = "<op>";

        /// <summary>Declared by explicit conversion operators; casts and foreach (its element conversion) reach it.</summary>
        public const string ExplicitConversion = "<conversion>";

        /// <summary>
        /// Declared by the implicit conversions and true/false operators of referenced assemblies, which the
        /// compiler may call wherever a value flows or a condition is tested: when one matters, every body does.
        /// </summary>
        public const string Anywhere = "<anywhere>";

        /// <summary>
        /// What an implicit conversion (or a true/false operator) of source declares for each type it converts
        /// between, and a body refers to for each such type it mentions (<see cref="ConversionTypes"/>):
        /// the compiler calls it only where a value of one of them flows.
        /// </summary>
        public static string Conversion(string type) => "<conv>" + type;

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

        public static readonly string[] Disposal = WithMethodForms(new[] { "Dispose", "DisposeAsync" });

        public static readonly string[] Enumeration = WithMethodForms(new[]
        {
            "GetEnumerator", "MoveNext", "Current", "Dispose",
            "GetAsyncEnumerator", "MoveNextAsync", "DisposeAsync", ExplicitConversion,
        });

        public static readonly string[] Awaiting = WithMethodForms(new[] { "GetAwaiter", "IsCompleted", "GetResult", "OnCompleted", "UnsafeOnCompleted" });

        public static readonly string[] Deconstruction = WithMethodForms(new[] { "Deconstruct" });

        public static readonly string[] CollectionInitializer = WithMethodForms(new[] { "Add" });

        /// <summary>A collection expression may construct its target, add to it, or call a builder's Create.</summary>
        public static readonly string[] CollectionExpression = WithMethodForms(new[] { "<ctor>/0", ParamsConstructor, "Add", "AddRange", "Create", "CreateRange" });

        /// <summary>Ranges, indices from the end and list patterns use the length, the indexer and Slice.</summary>
        public static readonly string[] IndexAndRange = WithMethodForms(new[] { "Length", "Count", Indexer, "Slice", "Substring" });

        public static readonly string[] Pinning = WithMethodForms(new[] { "GetPinnableReference" });

        public static readonly string[] Interpolation = WithMethodForms(new[] { "AppendLiteral", "AppendFormatted" });

        /// <summary>What a query expression's clauses translate to.</summary>
        public static readonly string[] Query = WithMethodForms(new[]
        {
            "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending",
            "ThenBy", "ThenByDescending", "GroupBy", "Cast",
        });

        /// <summary>
        /// The name a method declares and a call spells: methods live apart from values (properties, fields,
        /// events, types), so reading a property reaches no method of its name, and a call reaches both (a
        /// delegate-typed property is called through its getter).
        /// </summary>
        public static string Method(string name) => name + "()";

        /// <summary>A method as declared in, or looked for in, one type (<see cref="ScopedCalls"/>).</summary>
        public static string Scoped(string type, string name) => type + "." + name + "()";

        /// <summary>Declared by extension methods (and members of extension blocks): a call on any receiver may be one.</summary>
        public static string Extension(string name) => "<ext>" + name + "()";

        /// <summary>A method a call without a receiver, or on this or base, may find in a base outside the compilation.</summary>
        public static string Inherited(string name) => "^" + name + "()";

        /// <summary>What an operator token refers to and an operator declared with it declares; null for tokens no user code can define (<c>is</c>, <c>??</c>).</summary>
        public static string? OperatorName(string token) => OperatorNames.TryGetValue(token, out var name) ? name : null;

        /// <summary>Every operator name: what an annotated operator of a referenced assembly stands for when its token is not known.</summary>
        public static IEnumerable<string> AllOperatorNames => OperatorNames.Values;

        private static readonly Dictionary<string, string> OperatorNames = OperatorTable(
            "+", "-", "!", "~", "++", "--", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "==", "!=", "<", ">", "<=", ">=",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>=");

        private static Dictionary<string, string> OperatorTable(params string[] tokens)
        {
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var token in tokens)
            {
                table.Add(token, Operator + token);
            }

            return table;
        }

        /// <summary>Implicit calls are spelled by neither syntax: each name as a method and as a value.</summary>
        private static string[] WithMethodForms(string[] names)
        {
            var all = new List<string>(names.Length * 2);
            foreach (var name in names)
            {
                all.Add(name);
                if (!IsPseudo(name))
                {
                    all.Add(Method(name));
                }
            }

            return all.ToArray();
        }

        /// <summary>True for pseudo-names: never annotations, never source identifiers.</summary>
        public static bool IsPseudo(string name) => name.Length > 0 && name[0] == '<' || name == Indexer;
    }
}
