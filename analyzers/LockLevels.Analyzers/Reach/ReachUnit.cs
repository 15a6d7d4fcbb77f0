using System.Collections.Generic;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// One unit of the first pass: a member (its bodies, accessors, initializers, lambdas and local
    /// functions together), a type (its primary constructor and base list), the top-level
    /// statements, or a fragment inside a member (an outermost lambda, local function or query)
    /// that stands for the delegates created from it. It declares names and refers to names; the
    /// call graph is "refers to a name some unit declares".
    /// </summary>
    internal sealed class ReachUnit
    {
        private readonly List<string> _declares = new(2);
        private readonly List<string> _refers = new();
        private List<string>? _invoked;
        private List<string>? _attributes;
        private HashSet<string>? _lambdaLocals;
        private HashSet<string>? _reassigned;
        private List<string>? _created;
        private List<KeyValuePair<string, TypeScope>>? _scopedCalls;
        private List<string>? _typeMentions;
        private List<ReceiverCall>? _receiverCalls;

        public ReachUnit(ReachUnitKind kind, int serial = 0)
        {
            Kind = kind;
            Serial = serial;
        }

        /// <summary>Distinct within one tree's walk: the walk's dedupe stamps names with it.</summary>
        public int Serial { get; }

        public ReachUnitKind Kind { get; }

        /// <summary>A lock statement, or a LockLevels attribute on the member or on anything in it.</summary>
        public bool IsSeed { get; set; }

        /// <summary>Invokes a delegate its own syntax shows: something that is not a simple or member name (<c>f()()</c>, <c>a[0]()</c>), or a local or parameter of its own.</summary>
        public bool InvokesDelegate { get; set; }

        /// <summary>Contains an interpolated string, which may construct a source handler type.</summary>
        public bool UsesInterpolation { get; set; }

        /// <summary>Set by the propagation.</summary>
        public bool Matters { get; set; }

        /// <summary>Declares a method that may be an inferred wrapper (<see cref="WrapperReach.MayBeWrapperMethod"/>).</summary>
        public bool MayBeWrapperMethod { get; set; }

        /// <summary>May hold an inferred wrapper: set by <see cref="WrapperReach"/>.</summary>
        public bool MayWrap { get; set; }

        /// <summary>What the whole-program analysis reads from this unit's facts although it reaches no lock (<see cref="ReachDemand"/>).</summary>
        public ReachDemand Demand { get; set; }

        /// <summary>The type a member unit is declared in: a created type's overrides can run.</summary>
        public string? ContainingType { get; set; }

        /// <summary>Type names this unit may make live: created (<c>new</c>, a target-typed <c>new()</c>), in <c>typeof</c>, or type arguments.</summary>
        public IReadOnlyList<string>? Created => _created;

        /// <summary>Creates an object of a type the syntax does not spell (<c>new()</c> as an argument, a collection expression).</summary>
        public bool CreatesUnknown { get; set; }

        /// <summary>Assigns something: a store of a delegate parameter into a field or property may be one.</summary>
        public bool Assigns { get; set; }

        public List<string> Declares => _declares;

        public List<string> Refers => _refers;

        /// <summary>Simple names this unit invokes (<c>N(...)</c>, <c>x.N(...)</c>, <c>x?.N(...)</c>): delegate invocations when N is a value.</summary>
        public IReadOnlyList<string>? Invoked => _invoked;

        /// <summary>Type names written where they only declare (a local's, parameter's, field's or return type, a cast's, typeof): a value of one may be converted there.</summary>
        public IReadOnlyList<string>? TypeMentions => _typeMentions;

        /// <summary>Calls without a receiver or on this or base (<c>N()</c>, <c>base.N()</c>): a name and where to look for it.</summary>
        public IReadOnlyList<KeyValuePair<string, TypeScope>>? ScopedCalls => _scopedCalls;

        /// <summary>Calls on a receiver that is not a local (<c>Math.Max(...)</c>, <c>_owner.Close()</c>), resolved once every declaration is known (<see cref="Reach.ScopedCalls"/>).</summary>
        public IReadOnlyList<ReceiverCall>? ReceiverCalls => _receiverCalls;

        /// <summary>The name of the method this unit declares, declared again in its type and bases by <see cref="Reach.ScopedCalls"/>.</summary>
        public string? DeclaredMethod { get; set; }

        /// <summary>Attribute names (last identifier) found in the unit; checked against LockLevels' attributes and aliases once all are known.</summary>
        public IReadOnlyList<string>? AttributeNames => _attributes;

        public void Declare(string name) => _declares.Add(name);

        /// <summary>Adds a reference; the walk keeps each name once per unit, a repeat here is harmless (the propagation marks a unit once).</summary>
        public void Refer(string name) => _refers.Add(name);

        public void Refer(string[] names) => _refers.AddRange(names);

        public void Invoke(string name) => (_invoked ??= new List<string>()).Add(name);

        public void CallOnReceiver(ReceiverCall call) => (_receiverCalls ??= new List<ReceiverCall>()).Add(call);

        public void MentionType(string name) => (_typeMentions ??= new List<string>()).Add(name);

        public void CallScoped(string name, TypeScope scope) => (_scopedCalls ??= new List<KeyValuePair<string, TypeScope>>()).Add(new KeyValuePair<string, TypeScope>(name, scope));

        public void Create(string name) => (_created ??= new List<string>()).Add(name);

        public void Attribute(string name) => (_attributes ??= new List<string>()).Add(name);

        /// <summary>A local declared here with a lambda or anonymous method as its value.</summary>
        public void LambdaLocal(string name) => (_lambdaLocals ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name);

        /// <summary>A name assigned, or passed by ref or out, here: a local so named may hold another delegate.</summary>
        public void Reassigned(string name) => (_reassigned ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name);

        /// <summary>
        /// Invoking this name invokes a lambda of this very unit (<c>Func&lt;int, int&gt; f = v => ...; f(x);</c>),
        /// whose body is part of the unit already: no delegate of elsewhere.
        /// </summary>
        public bool InvokesOwnLambda(string name)
            => _lambdaLocals != null && _lambdaLocals.Contains(name) && (_reassigned == null || !_reassigned.Contains(name));

        /// <summary>Drops the per-unit dedupe set once the walk is over: only the lists are kept.</summary>
        public void Seal()
        {
            _lambdaLocals = null;
            _reassigned = null;
        }
    }

    /// <summary>Why a unit that reaches no lock still needs its facts.</summary>
    internal enum ReachDemand
    {
        None,

        /// <summary>It may store a delegate parameter that a mattering caller fills: needed when the owner has a delegate-typed parameter.</summary>
        IfDelegateParameter,

        /// <summary>It may create a type whose overrides matter (its facts make the type live).</summary>
        Facts,
    }

    internal enum ReachUnitKind
    {
        Member,
        Type,
        TopLevel,
        Fragment,
        Alias,
    }
}
