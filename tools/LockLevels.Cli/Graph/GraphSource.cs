using System.Collections.Concurrent;
using System.Collections.Immutable;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Export;
using LockLevels.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Cli.Graph
{
    /// <summary>
    /// Where the lock graph of a compilation comes from: the analyzers' own whole-program analysis.
    /// <see cref="LockFlowAnalyzer"/> is created with an observer that it calls at compilation end with
    /// the <see cref="LockGraph"/> its diagnostics were computed from, in place of the package's default
    /// instance, so the picture and the lockdep report show exactly what LL0003/LL0004/LL0100 saw.
    /// </summary>
    internal sealed class GraphSource
    {
        private static readonly LockGraph NoGraph = new(
            ImmutableArray<LockGraphNode>.Empty, ImmutableArray<LockGraphOrder>.Empty, ImmutableArray<LockGraphEdge>.Empty,
            ImmutableArray<LockGraphCycle>.Empty, ImmutableArray<LockGraphDeepContext>.Empty);

        // Keyed by assembly name: the compilation the observer sees is CompilationWithAnalyzers' own
        // copy of the one analysed (it adds an event queue), not the same object.
        private readonly ConcurrentDictionary<string, LockGraph> _graphs = new();

        public GraphSource()
        {
            var observed = new LockFlowAnalyzer((compilation, graph) => _graphs[compilation.AssemblyName ?? ""] = graph);
            Analyzers = AnalyzerCatalog.Create(except: typeof(LockFlowAnalyzer)).Add(observed);
        }

        /// <summary>The analyzers to run: the package's, with the whole-program one observed.</summary>
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>
        /// The graph of a compilation the analyzers have run over; empty when the analysis had nothing to
        /// do (no annotations, and inference of unannotated locks turned off).
        /// </summary>
        public LockGraph GraphOf(Compilation compilation)
            => _graphs.TryGetValue(compilation.AssemblyName ?? "", out var graph) ? graph : NoGraph;
    }
}
