using System.Collections.Generic;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// What the walks saw of the compilation's types, by simple name: their bases and the types derived
    /// from them, the declared type of each field, property, event and primary constructor parameter, and
    /// the names a receiver can take in source. Partial declarations are merged; a name declared twice with
    /// different types has an unknown type. Built once, after every tree is walked.
    /// </summary>
    internal sealed class SourceTypes
    {
        private readonly Dictionary<string, List<string>> _bases = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _derived = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _closures = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _declarationScopes = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, string?>> _members = new(System.StringComparer.Ordinal);

        public SourceTypes(ReachWalker[] walkers, List<KeyValuePair<string, string[]>> typeBases)
        {
            foreach (var pair in typeBases)
            {
                foreach (var baseName in pair.Value)
                {
                    if (baseName.Length > 0)
                    {
                        Add(_bases, pair.Key, baseName);
                        Add(_derived, baseName, pair.Key);
                    }
                }
            }

            foreach (var walker in walkers)
            {
                Types.UnionWith(walker.DeclaredTypes);
                Types.UnionWith(walker.DelegateTypes);
                Names.UnionWith(walker.MemberNames);
                GenericBases.UnionWith(walker.GenericBaseTypes);
                TypeParameters.UnionWith(walker.TypeParameterNames);
                foreach (var alias in walker.Aliases)
                {
                    Names.Add(alias.Key);
                }

                foreach (var member in walker.MemberTypes)
                {
                    if (!_members.TryGetValue(member.Type, out var members))
                    {
                        _members.Add(member.Type, members = new Dictionary<string, string?>(System.StringComparer.Ordinal));
                    }

                    members[member.Name] = members.TryGetValue(member.Name, out var known) && known != member.MemberType ? null : member.MemberType;
                }
            }
        }

        /// <summary>Classes, structs, interfaces, records, enums and delegates of source.</summary>
        public HashSet<string> Types { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Members of source (fields, properties, events, primary constructor parameters) and using aliases: what an identifier that is no local may name.</summary>
        public HashSet<string> Names { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Types whose base list has type arguments.</summary>
        public HashSet<string> GenericBases { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Names of type parameters: a value of one may be of any type.</summary>
        public HashSet<string> TypeParameters { get; } = new(System.StringComparer.Ordinal);

        /// <summary>The type and every base it names, transitively.</summary>
        public List<string> Closure(string type)
        {
            if (_closures.TryGetValue(type, out var closure))
            {
                return closure;
            }

            closure = new List<string> { type };
            var seen = new HashSet<string>(System.StringComparer.Ordinal) { type };
            for (int i = 0; i < closure.Count; i++)
            {
                if (_bases.TryGetValue(closure[i], out var bases))
                {
                    foreach (var baseName in bases)
                    {
                        if (seen.Add(baseName))
                        {
                            closure.Add(baseName);
                        }
                    }
                }
            }

            _closures.Add(type, closure);
            return closure;
        }

        /// <summary>
        /// The types a method of <paramref name="type"/> may be called through: the type's closure, and the
        /// bases of every type derived from it that are not derived from it themselves (a method of a base class
        /// implements the interfaces of a derived one). A derived type itself is not among them: a call through
        /// it looks in its bases, this type with them.
        /// </summary>
        public List<string> DeclarationScopes(string type)
        {
            if (_declarationScopes.TryGetValue(type, out var scopes))
            {
                return scopes;
            }

            var derivedTypes = new HashSet<string>(System.StringComparer.Ordinal) { type };
            var queue = new Queue<string>();
            queue.Enqueue(type);
            while (queue.Count > 0)
            {
                if (_derived.TryGetValue(queue.Dequeue(), out var derived))
                {
                    foreach (var name in derived)
                    {
                        if (derivedTypes.Add(name))
                        {
                            queue.Enqueue(name);
                        }
                    }
                }
            }

            scopes = new List<string>(Closure(type));
            var seen = new HashSet<string>(scopes, System.StringComparer.Ordinal);
            foreach (var derived in derivedTypes)
            {
                foreach (var scope in Closure(derived))
                {
                    if (!derivedTypes.Contains(scope) && seen.Add(scope))
                    {
                        scopes.Add(scope);
                    }
                }
            }

            _declarationScopes.Add(type, scopes);
            return scopes;
        }

        /// <summary>Whether a member so named is declared in the type or a base of source; its type (null: unknown) if so.</summary>
        public bool TryGetMember(string type, string member, out string? memberType)
        {
            foreach (var declaring in Closure(type))
            {
                if (_members.TryGetValue(declaring, out var members) && members.TryGetValue(member, out memberType))
                {
                    return true;
                }
            }

            memberType = null;
            return false;
        }

        /// <summary>True when the type or a base of it has a generic base: a member inherited from outside may hold a value of source.</summary>
        public bool InheritsGeneric(string type)
        {
            foreach (var declaring in Closure(type))
            {
                if (GenericBases.Contains(declaring))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Add(Dictionary<string, List<string>> map, string key, string value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map.Add(key, list = new List<string>(2));
            }

            list.Add(value);
        }
    }
}
