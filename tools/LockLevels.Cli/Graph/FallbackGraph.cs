using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LockLevels.Analyzers.Export;
using Microsoft.CodeAnalysis;

namespace LockLevels.Cli.Graph
{
    /// <summary>
    /// A lock graph rebuilt without the whole-program analysis' observer: levels and order from the
    /// assembly's [LockHierarchy] attributes, deep contexts from [CalledWithLocksHeld], and cycles (with
    /// their edges, one hop each at the edge's site) from the LL0004/LL0100 diagnostics' messages and
    /// additional locations. Only for analyzer assemblies that predate the observer (see <see cref="GraphSource"/>).
    /// </summary>
    internal static class FallbackGraph
    {
        private const string Arrow = " → ";

        public static LockGraph Build(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
        {
            var declared = new List<string>();
            var order = ImmutableArray.CreateBuilder<LockGraphOrder>();
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != "LockLevels.LockHierarchyAttribute" || attribute.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                var levels = attribute.ConstructorArguments[0].Values.Select(value => value.Value as string).Where(level => !string.IsNullOrEmpty(level)).ToList();
                for (int i = 0; i < levels.Count; i++)
                {
                    if (!declared.Contains(levels[i]!))
                    {
                        declared.Add(levels[i]!);
                    }

                    if (i > 0)
                    {
                        order.Add(new LockGraphOrder(levels[i - 1]!, levels[i]!));
                    }
                }
            }

            var members = new Analysis.EnclosingMembers(compilation);
            var cycles = ImmutableArray.CreateBuilder<LockGraphCycle>();
            var edges = new Dictionary<(string, string), LockGraphEdge>();
            var inferred = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id is not ("LL0004" or "LL0100"))
                {
                    continue;
                }

                var cycle = ParseCycle(diagnostic, members);
                if (cycle == null)
                {
                    continue;
                }

                cycles.Add(cycle);
                foreach (var edge in cycle.Edges)
                {
                    edges.TryAdd((edge.Held, edge.Acquired), edge);
                    foreach (var level in new[] { edge.Held, edge.Acquired })
                    {
                        if (!declared.Contains(level))
                        {
                            inferred.Add(level);
                        }
                    }
                }
            }

            var nodes = declared.Select(level => new LockGraphNode(level, isInferred: false))
                .Concat(inferred.Select(level => new LockGraphNode(level, isInferred: true)))
                .ToImmutableArray();
            return new LockGraph(
                nodes,
                order.ToImmutable(),
                edges.Values.OrderBy(edge => edge.Held, StringComparer.Ordinal).ThenBy(edge => edge.Acquired, StringComparer.Ordinal).ToImmutableArray(),
                cycles.ToImmutable(),
                DeepContexts(compilation));
        }

        /// <summary>"…: A → B (Method: chain) → C (Method: chain) → A (…)" with one additional location per edge.</summary>
        private static LockGraphCycle? ParseCycle(Diagnostic diagnostic, Analysis.EnclosingMembers members)
        {
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            int colon = message.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var parts = SplitOutsideParentheses(message.Substring(colon + 2));
            if (parts.Count < 2 || parts.Count - 1 != diagnostic.AdditionalLocations.Count)
            {
                return null;
            }

            var edges = ImmutableArray.CreateBuilder<LockGraphEdge>(parts.Count - 1);
            string held = parts[0];
            for (int i = 1; i < parts.Count; i++)
            {
                string part = parts[i];
                int open = part.IndexOf(" (", StringComparison.Ordinal);
                if (open < 0 || !part.EndsWith(")", StringComparison.Ordinal))
                {
                    return null;
                }

                string acquired = part.Substring(0, open);
                string witness = part.Substring(open + 2, part.Length - open - 3);
                int methodEnd = witness.IndexOf(": ", StringComparison.Ordinal);
                string description = methodEnd < 0 ? witness : witness.Substring(methodEnd + 2);
                var location = diagnostic.AdditionalLocations[i - 1];
                var hop = new LockGraphHop(members.Of(location).DisplayName, description, location);
                edges.Add(new LockGraphEdge(held, acquired, ImmutableArray.Create(hop)));
                held = acquired;
            }

            return new LockGraphCycle(diagnostic, edges.ToImmutable());
        }

        private static List<string> SplitOutsideParentheses(string text)
        {
            var parts = new List<string>();
            int depth = 0, start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (depth == 0 && string.CompareOrdinal(text, i, Arrow, 0, Arrow.Length) == 0)
                {
                    parts.Add(text.Substring(start, i - start));
                    start = i + Arrow.Length;
                    i += Arrow.Length - 1;
                }
            }

            parts.Add(text.Substring(start));
            return parts;
        }

        private static ImmutableArray<LockGraphDeepContext> DeepContexts(Compilation compilation)
        {
            var contexts = new List<LockGraphDeepContext>();
            foreach (var symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member))
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (attribute.AttributeClass?.ToDisplayString() == "LockLevels.CalledWithLocksHeldAttribute" && attribute.ConstructorArguments.Length == 1)
                    {
                        var levels = attribute.ConstructorArguments[0].Values.Select(value => value.Value as string ?? "").ToImmutableArray();
                        contexts.Add(new LockGraphDeepContext(symbol.ContainingType.Name + "." + symbol.Name, levels));
                    }
                }
            }

            return contexts.OrderBy(context => context.Member, StringComparer.Ordinal).ToImmutableArray();
        }
    }
}
