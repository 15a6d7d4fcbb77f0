using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;
using LockLevels.Cli.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Cli.Analysis
{
    /// <summary>What one project gave: its findings and lock graph, or the error that stopped it.</summary>
    internal sealed record ProjectResult(string Project, ImmutableArray<Finding> Findings, LockGraphModel Graph, string? Error, int CompilerErrors);

    /// <summary>
    /// Runs LockLevels' analyzers over one project the way a build does: with the project's own analyzer
    /// options (.editorconfig, .globalconfig: severities and locklevels.* options) and compilation options
    /// (WarningsAsErrors, NoWarn, #pragma), but with this tool's copy of the analyzers, never the
    /// project's, so a project that references the LockLevels package reports each finding once.
    /// </summary>
    internal static class ProjectAnalyzer
    {
        public static async Task<ProjectResult> AnalyzeAsync(Project project, string rootDirectory, Progress progress, int index, int count, CancellationToken cancellationToken)
        {
            string name = DisplayName(project);
            try
            {
                progress.Project(index, count, "compiling", name);
                var own = project.AnalyzerReferences.Where(AnalyzerCatalog.IsOwn).ToList();
                foreach (var reference in own)
                {
                    project = project.RemoveAnalyzerReference(reference);
                }

                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation == null)
                {
                    return Failed(name, "no compilation (not a C# project?)");
                }

                int compilerErrors = compilation.GetDiagnostics(cancellationToken).Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);

                progress.Project(index, count, "analysing", name);
                var source = new GraphSource();
                var exceptions = new ConcurrentQueue<string>();
                var options = new CompilationWithAnalyzersOptions(
                    project.AnalyzerOptions,
                    onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false,
                    reportSuppressedDiagnostics: false);
                var diagnostics = await compilation.WithAnalyzers(source.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                diagnostics = diagnostics.Where(Reported).ToImmutableArray();

                var members = new EnclosingMembers(compilation);
                var graph = GraphConverter.Convert(source.GraphOf(compilation), members, rootDirectory);
                var lockClasses = graph.NodeNames;
                var findings = diagnostics
                    .Select(diagnostic => FindingFactory.Create(diagnostic, members, lockClasses, rootDirectory, name))
                    .ToImmutableArray();
                string? error = exceptions.IsEmpty ? null : "an analyzer failed: " + string.Join("; ", exceptions.Distinct());
                return new ProjectResult(name, findings, graph, error, compilerErrors);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return Failed(name, $"{exception.GetType().Name}: {exception.Message}");
            }
        }

        /// <summary>"Netfs" or, for one target framework of several, "Netfs(net8.0)" as MSBuildWorkspace names it.</summary>
        public static string DisplayName(Project project) => project.Name;

        /// <summary>LockLevels' diagnostics a build would show: not suppressed, not silent.</summary>
        private static bool Reported(Diagnostic diagnostic)
            => !diagnostic.IsSuppressed
                && diagnostic.Severity != DiagnosticSeverity.Hidden
                && diagnostic.Id.StartsWith("LL", StringComparison.Ordinal);

        private static ProjectResult Failed(string name, string error)
            => new(name, ImmutableArray<Finding>.Empty, LockGraphModel.Empty, error, 0);
    }
}
