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
        /// <summary>Null when it worked, else the tail of restore's output.</summary>
        public static async Task<string?> RunAsync(InputPath input, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(DotnetExecutable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("restore");
            start.ArgumentList.Add(input.FullPath);
            start.ArgumentList.Add("-nologo");
            start.ArgumentList.Add("-v:q");
            foreach (var property in properties)
            {
                start.ArgumentList.Add($"-p:{property.Key}={property.Value}");
            }

            using var process = Process.Start(start);
            if (process == null)
            {
                return "could not start dotnet restore";
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode == 0)
            {
                return null;
            }

            string text = ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false))).Trim();
            return $"dotnet restore exited with {process.ExitCode}: {text}";
        }

        /// <summary>The dotnet that runs this tool when it runs as `dotnet locklevels.dll`, else the one on PATH.</summary>
        private static string DotnetExecutable()
        {
            string? self = Environment.ProcessPath;
            return self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
        }
    }
}
