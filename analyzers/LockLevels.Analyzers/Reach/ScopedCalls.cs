using System.Collections.Generic;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Resolves the calls whose syntax says where their method is against the methods' declarations, by
    /// type name (<see cref="SourceTypes"/>). A method declares itself in its own type, that type's bases and
    /// the bases of every type derived from it (an override or implementation is what a call through a base
    /// reaches). A call without a receiver or on <c>this</c> or <c>base</c> (<see cref="TypeScope"/>), or on a
    /// receiver whose declared type the syntax shows (a local, a parameter, a field or property, through a
    /// chain of them: <see cref="ReceiverCall"/>), refers to its name in that type and its bases. A method
    /// of a referenced assembly (a lock API, an annotated member) is found under
    /// <see cref="ReachNames.Inherited"/>, and an extension method under <see cref="ReachNames.Extension"/>,
    /// which every call with a receiver refers to as well. Any other call refers to every method of its name.
    /// </summary>
    internal sealed class ScopedCalls
    {
        private readonly SourceTypes _types;
        private readonly List<string> _scopeTypes = new();

        // Each (type, method) some method declares itself under, with its one name string; a call refers only
        // to those (a scope type declaring no method of the name adds nothing).
        private readonly Dictionary<(string Type, string Method), string> _declared = new();

        // The names of another assembly's methods that matter (lock APIs, annotated members), and of the
        // extension methods of source: a call refers to a method of another assembly only by them.
        private readonly HashSet<string>? _outsideNames;
        private readonly HashSet<string> _extensionNames = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _inheritedForms = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _extensionForms = new(System.StringComparer.Ordinal);

        private ScopedCalls(SourceTypes types, HashSet<string>? outsideNames)
        {
            _types = types;
            _outsideNames = outsideNames;
        }

        /// <param name="outsideNames">The names marked before the walk (<see cref="DeclaredNames"/>); null refers to every form.</param>
        public static void Resolve(ReachWalker[] walkers, HashSet<string>? outsideNames, List<KeyValuePair<string, string[]>> typeBases)
        {
            bool everywhereStatic = false;
            foreach (var walker in walkers)
            {
                everywhereStatic |= walker.HasGlobalUsingStatic;
            }

            var scoped = new ScopedCalls(new SourceTypes(walkers, typeBases), outsideNames);
            foreach (var walker in walkers)
            {
                scoped._extensionNames.UnionWith(walker.ExtensionNames);
                foreach (var unit in walker.Units)
                {
                    if (unit.DeclaredMethod is { } method && unit.ContainingType is { Length: > 0 } type)
                    {
                        foreach (var declaring in scoped._types.DeclarationScopes(type))
                        {
                            if (!scoped._declared.TryGetValue((declaring, method), out var name))
                            {
                                scoped._declared.Add((declaring, method), name = ReachNames.Scoped(declaring, method));
                            }

                            unit.Declare(name);
                        }
                    }
                }
            }

            foreach (var walker in walkers)
            {
                foreach (var unit in walker.Units)
                {
                    if (unit.ReceiverCalls != null)
                    {
                        foreach (var call in unit.ReceiverCalls)
                        {
                            scoped.ResolveReceiverCall(unit, call);
                        }
                    }

                    if (unit.ScopedCalls != null)
                    {
                        foreach (var call in unit.ScopedCalls)
                        {
                            scoped.ResolveScopedCall(unit, call.Key, call.Value, everywhereStatic);
                        }
                    }
                }
            }
        }

        private void ResolveScopedCall(ReachUnit unit, string name, TypeScope scope, bool everywhereStatic)
        {
            _scopeTypes.Clear();
            for (TypeScope? current = scope; current != null; current = current.Outer)
            {
                foreach (var type in _types.Closure(current.TypeName))
                {
                    if ((!current.BasesOnly || type != current.TypeName) && !_scopeTypes.Contains(type))
                    {
                        _scopeTypes.Add(type);
                    }
                }
            }

            foreach (var type in _scopeTypes)
            {
                ReferScoped(unit, type, name);
            }

            ReferInherited(unit, name);
            if (everywhereStatic)
            {
                unit.Refer(ReachNames.Method(name));
            }
        }

        private void ResolveReceiverCall(ReachUnit unit, ReceiverCall call)
        {
            var receiver = TypeOf(call);
            bool indexer = call.Name == ReachNames.Indexer;
            if (receiver.Kind == ReceiverKind.Unknown)
            {
                unit.Refer(indexer ? ReachNames.Indexer : ReachNames.Method(call.Name));
                if (!indexer)
                {
                    unit.Invoke(call.Name);
                }

                return;
            }

            if (receiver.Kind == ReceiverKind.Named)
            {
                foreach (var type in _types.Closure(receiver.Type!))
                {
                    ReferScoped(unit, type, call.Name);
                }

                if (_types.Types.Contains(receiver.Type!) && !indexer)
                {
                    // A member of source so named may be a delegate.
                    unit.Invoke(call.Name);
                    return;
                }
            }

            if (indexer)
            {
                // An array's, or one of a type of another assembly.
                return;
            }

            ReferInherited(unit, call.Name);
            if (_outsideNames == null || _extensionNames.Contains(call.Name))
            {
                unit.Refer(Form(_extensionForms, call.Name, ReachNames.Extension));
            }
            if (System.Array.IndexOf(DelegateStores.AddNames, call.Name) >= 0)
            {
                // list.Add(callback) on a collection of another assembly's type may store a delegate parameter.
                unit.Assigns = true;
            }
        }

        private void ReferScoped(ReachUnit unit, string type, string method)
        {
            if (_declared.TryGetValue((type, method), out var name))
            {
                unit.Refer(name);
            }
        }

        private void ReferInherited(ReachUnit unit, string method)
        {
            var name = Form(_inheritedForms, method, ReachNames.Inherited);
            if (_outsideNames == null || _outsideNames.Contains(name))
            {
                unit.Refer(name);
            }
        }

        private static string Form(Dictionary<string, string> forms, string method, System.Func<string, string> make)
        {
            if (!forms.TryGetValue(method, out var form))
            {
                forms.Add(method, form = make(method));
            }

            return form;
        }

        /// <summary>What the receiver of the call is, following its chain from the first identifier.</summary>
        private Receiver TypeOf(ReceiverCall call)
        {
            if (call.Receiver == null)
            {
                var whole = Receiver.Of(call.StartType);
                return whole.Kind == ReceiverKind.Named && _types.TypeParameters.Contains(whole.Type!) ? Receiver.Unknown : whole;
            }

            var parts = new List<string>(4);
            ExpressionSyntax part = call.Receiver;
            while (part is MemberAccessExpressionSyntax access)
            {
                parts.Add(access.Name.Identifier.ValueText);
                part = access.Expression;
            }

            Receiver current;
            if (call.StartType != null)
            {
                current = Receiver.Of(call.StartType);
            }
            else if (part is PredefinedTypeSyntax)
            {
                current = Receiver.Outside;
            }
            else if (part is IdentifierNameSyntax first)
            {
                current = First(first.Identifier.ValueText, call.Scope);
            }
            else
            {
                return Receiver.Unknown;
            }

            for (int i = parts.Count - 1; i >= 0 && current.Kind != ReceiverKind.Unknown; i--)
            {
                current = Member(current, parts[i]);
            }

            return current.Kind == ReceiverKind.Named && _types.TypeParameters.Contains(current.Type!) ? Receiver.Unknown : current;
        }

        /// <summary>An identifier that is no local: a member of the type it is written in or an outer one, a type, or a namespace or type of another assembly.</summary>
        private Receiver First(string name, TypeScope? scope)
        {
            for (var current = scope; current != null; current = current.Outer)
            {
                if (_types.TryGetMember(current.TypeName, name, out var memberType))
                {
                    return Receiver.Of(memberType);
                }
            }

            if (_types.Types.Contains(name))
            {
                return Receiver.Of(name);
            }

            if (_types.Names.Contains(name))
            {
                return Receiver.Unknown;
            }

            for (var current = scope; current != null; current = current.Outer)
            {
                if (_types.InheritsGeneric(current.TypeName))
                {
                    return Receiver.Unknown;
                }
            }

            return Receiver.Outside;
        }

        private Receiver Member(Receiver owner, string name)
        {
            if (owner.Kind == ReceiverKind.Named && _types.TypeParameters.Contains(owner.Type!))
            {
                // A value of a type parameter may be of any type.
                return Receiver.Unknown;
            }

            if (owner.Kind == ReceiverKind.Outside || (owner.Kind == ReceiverKind.Named && !_types.Types.Contains(owner.Type!)))
            {
                // A namespace, or a type of another assembly: its members are of other assemblies too,
                // unless the type is generic (Lazy<Item>.Value) or the name is a type of source (Ns.Item).
                if (_types.Types.Contains(name))
                {
                    return Receiver.Of(name);
                }

                return owner.Generic ? Receiver.Unknown : Receiver.Outside;
            }

            if (_types.TryGetMember(owner.Type!, name, out var memberType))
            {
                return Receiver.Of(memberType);
            }

            return _types.Types.Contains(name) ? Receiver.Of(name) : Receiver.Unknown;
        }

        private enum ReceiverKind
        {
            Unknown,

            /// <summary>A namespace, or a value of a type of another assembly that is not named (predefined, array, tuple).</summary>
            Outside,

            /// <summary>A value or type whose type name is known.</summary>
            Named,
        }

        private readonly struct Receiver
        {
            public static readonly Receiver Unknown = new(ReceiverKind.Unknown, null, false);
            public static readonly Receiver Outside = new(ReceiverKind.Outside, null, false);

            private Receiver(ReceiverKind kind, string? type, bool generic)
            {
                Kind = kind;
                Type = type;
                Generic = generic;
            }

            public ReceiverKind Kind { get; }

            public string? Type { get; }

            public bool Generic { get; }

            /// <summary>From a recorded type name (<see cref="ReachSyntax.TypeNameOf"/>): null unknown, empty of another assembly, a trailing "&lt;&gt;" generic.</summary>
            public static Receiver Of(string? recorded)
            {
                if (recorded == null)
                {
                    return Unknown;
                }

                if (recorded.Length == 0)
                {
                    return Outside;
                }

                bool generic = recorded.EndsWith(ReachSyntax.GenericSuffix, System.StringComparison.Ordinal);
                return new Receiver(ReceiverKind.Named, generic ? recorded.Substring(0, recorded.Length - ReachSyntax.GenericSuffix.Length) : recorded, generic);
            }
        }
    }
}
