using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Rules;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Export
{
    /// <summary>The program's facts as the plain <see cref="LockGraph"/> that tools draw and print.</summary>
    internal static class GraphExport
    {
        public static LockGraph Build(ProgramFacts facts, CompilationIndex index)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var order = ImmutableArray.CreateBuilder<LockGraphOrder>();
            foreach (var hierarchy in index.Hierarchies)
            {
                for (int i = 0; i < hierarchy.Levels.Count; i++)
                {
                    names.Add(hierarchy.Levels[i]);
                    if (i > 0)
                    {
                        order.Add(new LockGraphOrder(hierarchy.Levels[i - 1], hierarchy.Levels[i]));
                    }
                }
            }

            var edges = new List<LockGraphEdge>();
            var exported = new Dictionary<(string, string), LockGraphEdge>();
            foreach (var edge in facts.Graph.Edges())
            {
                names.Add(edge.Held);
                names.Add(edge.Acquired);
                var node = new LockGraphEdge(edge.Held, edge.Acquired, edge.Witness.Frames());
                edges.Add(node);
                exported[(edge.Held, edge.Acquired)] = node;
            }

            edges.Sort((a, b) =>
            {
                int byHeld = string.CompareOrdinal(a.Held, b.Held);
                return byHeld != 0 ? byHeld : string.CompareOrdinal(a.Acquired, b.Acquired);
            });

            var nodes = ImmutableArray.CreateBuilder<LockGraphNode>(names.Count);
            foreach (var name in names)
            {
                nodes.Add(new LockGraphNode(name, facts.Inferred.Contains(name)));
            }

            // The cycles LL0004 and LL0100 report, each with the diagnostic it reports for it.
            var reported = new List<(Cycle Cycle, Diagnostic Diagnostic)>();
            if (index.Symbols.HasAnnotations)
            {
                reported.AddRange(CycleText.Reports(facts, inferred: false, new HashSet<Location>()));
            }

            if (index.InferUnannotated)
            {
                reported.AddRange(CycleText.Reports(facts, inferred: true, new HashSet<Location>()));
            }

            var cycles = ImmutableArray.CreateBuilder<LockGraphCycle>(reported.Count);
            foreach (var (cycle, diagnostic) in reported)
            {
                var cycleEdges = ImmutableArray.CreateBuilder<LockGraphEdge>(cycle.Edges.Count);
                foreach (var edge in cycle.Edges)
                {
                    cycleEdges.Add(exported[(edge.Held, edge.Acquired)]);
                }

                cycles.Add(new LockGraphCycle(diagnostic, cycleEdges.MoveToImmutable()));
            }

            return new LockGraph(nodes.MoveToImmutable(), order.ToImmutable(), edges.ToImmutableArray(), cycles.MoveToImmutable(), DeepContexts(facts, index));
        }

        private static ImmutableArray<LockGraphDeepContext> DeepContexts(ProgramFacts facts, CompilationIndex index)
        {
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var contexts = new List<LockGraphDeepContext>();
            foreach (var body in facts.Bodies)
            {
                if (body.Context is { } context && seen.Add(context.DeclaringMember))
                {
                    contexts.Add(new LockGraphDeepContext(context.DeclaringMemberName, context.Levels));
                }
            }

            contexts.Sort((a, b) => string.CompareOrdinal(a.Member, b.Member));
            return contexts.ToImmutableArray();
        }
    }
}
