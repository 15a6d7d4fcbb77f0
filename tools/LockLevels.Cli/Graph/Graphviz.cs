using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;

namespace LockLevels.Cli.Graph
{
    /// <summary>Renders DOT to SVG or PNG with Graphviz' <c>dot</c>, which must be installed (eng/install-prereqs.sh does).</summary>
    internal static class Graphviz
    {
        /// <summary>The dot to run: $LOCKLEVELS_DOT, else dot on PATH.</summary>
        public static string Executable => Environment.GetEnvironmentVariable("LOCKLEVELS_DOT") is { Length: > 0 } custom ? custom : "dot";

        /// <summary>Null when it worked, else why not, in words a user can act on.</summary>
        public static string? Render(string dot, string format, string outputPath) => Render(dot, format, outputPath, Executable);

        public static string? Render(string dot, string format, string outputPath, string executable)
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-T" + format);
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(outputPath);

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new Win32Exception();
            }
            catch (Win32Exception)
            {
                return $"Graphviz '{executable}' was not found: install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz; or run eng/install-prereqs.sh), or write -o FILE.dot or FILE.mmd instead";
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEndAsync();
                process.StandardInput.Write(dot);
                process.StandardInput.Close();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    return $"'{executable} -T{format}' failed (exit {process.ExitCode}): {stderr.Result.Trim()}";
                }
            }

            return File.Exists(outputPath) ? null : $"'{executable}' wrote no {outputPath}";
        }
    }
}
