using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using LockLevels.Analyzers.Export;
using LockLevels.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Cli.Graph
{
    /// <summary>
    /// Where the lock graph of a compilation comes from: the analyzers' own whole-program analysis, which
    /// hands its <see cref="LockGraph"/> to an observer at compilation end
    /// (<c>new WholeProgramAnalyzer(Action&lt;Compilation, LockGraph&gt;)</c>), so the picture is exactly
    /// what the diagnostics were computed from. An analyzer assembly without that constructor gets
    /// <see cref="FallbackGraph"/>, rebuilt from the declared hierarchy and the cycle diagnostics.
    /// This is the one place that knows which of the two is in use.
    /// </summary>
    internal sealed class GraphSource
    {
        private const string WholeProgramAnalyzerName = "LockLevels.Analyzers.WholeProgramAnalyzer";

        private static readonly Type? WholeProgramType = AnalyzerCatalog.AnalyzerAssembly.GetType(WholeProgramAnalyzerName);

        private static readonly ConstructorInfo? ObserverConstructor =
            WholeProgramType?.GetConstructor(new[] { typeof(Action<Compilation, LockGraph>) });

        private readonly ConcurrentDictionary<Compilation, LockGraph> _graphs = new();

        public GraphSource()
        {
            if (ObserverConstructor == null)
            {
                Analyzers = AnalyzerCatalog.Create();
                return;
            }

            Action<Compilation, LockGraph> observer = (compilation, graph) => _graphs[compilation] = graph;
            var wholeProgram = (DiagnosticAnalyzer)ObserverConstructor.Invoke(new object[] { observer });
            Analyzers = AnalyzerCatalog.Create(except: WholeProgramType).Add(wholeProgram);
        }

        /// <summary>Whether graphs come from the whole-program analysis itself (false: rebuilt from diagnostics).</summary>
        public static bool ObservesAnalysis => ObserverConstructor != null;

        /// <summary>The analyzers to run: the package's, with the whole-program one observed.</summary>
        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>The graph of a compilation the analyzers have run over.</summary>
        public LockGraph GraphOf(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
            => _graphs.TryGetValue(compilation, out var graph) ? graph : FallbackGraph.Build(compilation, diagnostics);
    }
}
