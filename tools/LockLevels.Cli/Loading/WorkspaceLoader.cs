using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace LockLevels.Cli.Loading
{
    /// <summary>A project that MSBuildWorkspace could not load, and why.</summary>
    internal sealed record LoadError(string Project, string? FullPath, string Message);

    /// <summary>The C# projects that loaded (one per target framework) and the errors of those that did not.</summary>
    internal sealed record LoadedSolution(MSBuildWorkspace Workspace, ImmutableArray<Project> Projects, ImmutableArray<LoadError> Errors);

    /// <summary>
    /// Opens a solution or project with MSBuildWorkspace. A project that fails does not stop the others:
    /// its workspace failures are collected per project file and reported by the caller.
    /// </summary>
    internal static class WorkspaceLoader
    {
        public static async Task<LoadedSolution> LoadAsync(InputPath input, IReadOnlyDictionary<string, string> properties, Progress progress, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create(properties.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));
            var failures = new List<WorkspaceDiagnostic>();
            workspace.RegisterWorkspaceFailedHandler(args =>
            {
                lock (failures)
                {
                    failures.Add(args.Diagnostic);
                }
            });

            var loadProgress = new LoadProgress(progress, input.RootDirectory);
            Solution solution;
            try
            {
                if (input.IsSolution)
                {
                    solution = await workspace.OpenSolutionAsync(input.FullPath, progress: loadProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var project = await workspace.OpenProjectAsync(input.FullPath, progress: loadProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
                    solution = project.Solution;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException or ArgumentException)
            {
                return new LoadedSolution(workspace, ImmutableArray<Project>.Empty,
                    ImmutableArray.Create(new LoadError(Path.GetFileName(input.FullPath), input.FullPath, exception.Message)));
            }

            var errors = Errors(failures, input.RootDirectory);
            var failed = new HashSet<string>(errors.Select(error => error.FullPath ?? ""), StringComparer.Ordinal);
            var projects = solution.Projects
                // A project that failed to load is still listed, empty: it is reported as an error, not analysed.
                .Where(project => !failed.Contains(project.FilePath ?? ""))
                .Where(project => project.Language == LanguageNames.CSharp)
                // A project's references load with it, but only the project named is checked.
                .Where(project => input.IsSolution || string.Equals(project.FilePath, input.FullPath, StringComparison.Ordinal))
                .OrderBy(project => project.FilePath, StringComparer.Ordinal)
                .ThenBy(project => project.Name, StringComparer.Ordinal)
                .ToImmutableArray();
            return new LoadedSolution(workspace, projects, errors);
        }

        /// <summary>Failures (not warnings), grouped by the project file their message names.</summary>
        private static ImmutableArray<LoadError> Errors(List<WorkspaceDiagnostic> failures, string rootDirectory)
        {
            var errors = ImmutableArray.CreateBuilder<LoadError>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var failure in failures)
            {
                if (failure.Kind != WorkspaceDiagnosticKind.Failure || !seen.Add(failure.Message))
                {
                    continue;
                }

                string? path = ProjectPathIn(failure.Message);
                errors.Add(new LoadError(path == null ? "(solution)" : Findings.SourceSpan.RelativePath(path, rootDirectory), path, failure.Message));
            }

            return errors.ToImmutable();
        }

        /// <summary>The first project file a failure message mentions ("Msbuild failed when processing the file '/x/A.csproj' ...").</summary>
        private static string? ProjectPathIn(string message)
        {
            int end = message.IndexOf("proj'", StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                return null;
            }

            int start = message.LastIndexOf('\'', end);
            return start < 0 ? null : message.Substring(start + 1, end + 4 - start - 1);
        }

        private sealed class LoadProgress : IProgress<ProjectLoadProgress>
        {
            private readonly Progress _progress;
            private readonly string _rootDirectory;

            public LoadProgress(Progress progress, string rootDirectory)
            {
                _progress = progress;
                _rootDirectory = rootDirectory;
            }

            public void Report(ProjectLoadProgress value)
            {
                string framework = string.IsNullOrEmpty(value.TargetFramework) ? "" : $" ({value.TargetFramework})";
                string step = value.Operation switch
                {
                    ProjectLoadOperation.Evaluate => "evaluated",
                    ProjectLoadOperation.Build => "built (design time)",
                    _ => "resolved references of",
                };
                _progress.Report($"loading: {step} {Findings.SourceSpan.RelativePath(value.FilePath, _rootDirectory)}{framework} in {value.ElapsedTime.TotalSeconds:0.0} s");
            }
        }
    }
}
