using System.Collections.Generic;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The type names a body's mention of which may make the compiler call a source implicit conversion
    /// (or true/false operator): the types the conversions convert between, the types derived from them (a
    /// value of a derived type converts too) and their bases (a converted value flows on to a base). All by
    /// name over the base lists of the declarations (<see cref="DeclaredNames"/>).
    /// </summary>
    internal static class ConversionTypes
    {
        /// <summary>The converted types with those derived from them and their bases, over the given base lists.</summary>
        public static HashSet<string> Close(HashSet<string> types, List<KeyValuePair<string, string[]>> typeBases)
        {
            if (types.Count == 0)
            {
                return types;
            }

            var bases = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            var derived = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            foreach (var pair in typeBases)
            {
                foreach (var baseName in pair.Value)
                {
                    Add(bases, pair.Key, baseName);
                    Add(derived, baseName, pair.Key);
                }
            }

            var converted = new List<string>(types);
            Close(types, converted, bases);
            Close(types, converted, derived);
            return types;
        }

        /// <summary>Adds what <paramref name="related"/> leads to from each of <paramref name="from"/>, transitively, in that one direction.</summary>
        private static void Close(HashSet<string> types, List<string> from, Dictionary<string, List<string>> related)
        {
            var seen = new HashSet<string>(from, System.StringComparer.Ordinal);
            var queue = new Queue<string>(from);
            while (queue.Count > 0)
            {
                if (related.TryGetValue(queue.Dequeue(), out var list))
                {
                    foreach (var name in list)
                    {
                        if (name.Length > 0 && seen.Add(name))
                        {
                            types.Add(name);
                            queue.Enqueue(name);
                        }
                    }
                }
            }
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
