using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LockLevels.Cli.Loading
{
    /// <summary>
    /// Runs <c>dotnet restore</c> on the input first: MSBuildWorkspace does not restore, and a project
    /// without its assets file loads with no references at all, so every finding would be lost to
    /// compiler errors. --no-restore skips it (for inputs already restored, as in CI after a build).
    /// </summary>
    internal static class Restore
    {
        /// <summary>
        /// The failures, empty when it worked. One broken project fails a whole solution's restore, so
        /// then each project of the solution is restored on its own and only the broken ones fail.
        /// </summary>
        public static async Task<List<string>> RunAsync(InputPath input, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
        {
            var failures = new List<string>();
            var (exitCode, output) = await DotnetAsync(RestoreArguments(input.FullPath, properties), cancellationToken).ConfigureAwait(false);
            if (exitCode == 0)
            {
                return failures;
            }

            if (!input.IsSolution)
            {
                failures.Add($"dotnet restore {Path.GetFileName(input.FullPath)} exited with {exitCode}: {output}");
                return failures;
            }

            var (listExit, list) = await DotnetAsync(new List<string> { "sln", input.FullPath, "list" }, cancellationToken).ConfigureAwait(false);
            if (listExit != 0)
            {
                failures.Add($"dotnet restore {Path.GetFileName(input.FullPath)} exited with {exitCode}: {output}");
                return failures;
            }

            foreach (string line in list.Split('\n'))
            {
                string project = line.Trim();
                if (!project.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string path = Path.GetFullPath(Path.Combine(input.RootDirectory, project));
                var (projectExit, projectOutput) = await DotnetAsync(RestoreArguments(path, properties), cancellationToken).ConfigureAwait(false);
                if (projectExit != 0)
                {
                    failures.Add($"dotnet restore {project} exited with {projectExit}: {projectOutput}");
                }
            }

            return failures;
        }

        private static List<string> RestoreArguments(string path, IReadOnlyDictionary<string, string> properties)
        {
            var arguments = new List<string> { "restore", path, "-nologo", "-v:q" };
            foreach (var property in properties)
            {
                arguments.Add($"-p:{property.Key}={property.Value}");
            }

            return arguments;
        }

        private static async Task<(int ExitCode, string Output)> DotnetAsync(List<string> arguments, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(DotnetExecutable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false))).Trim());
        }

        /// <summary>The dotnet that runs this tool when it runs as `dotnet locklevels.dll`, else the one on PATH.</summary>
        private static string DotnetExecutable()
        {
            string? self = Environment.ProcessPath;
            return self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        }
    }
}
