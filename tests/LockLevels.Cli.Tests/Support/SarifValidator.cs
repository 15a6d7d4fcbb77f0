using System.Diagnostics;
using System.IO;
using System.Text.Json;
using Xunit;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>
    /// Runs @microsoft/sarif-multitool's validate over a SARIF file with the SARIF rules and GitHub's
    /// ingestion rules (Gh), and returns the errors and warnings it reports.
    /// </summary>
    internal static class SarifValidator
    {
        public static string[] Errors(string sarifPath)
        {
            Assert.True(File.Exists(Repo.SarifMultitool), $"{Repo.SarifMultitool} is missing: run eng/install-prereqs.sh (eng/test.sh does)");
            string output = sarifPath + ".validation.sarif";
            var start = new ProcessStartInfo(Repo.SarifMultitool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in new[] { "validate", sarifPath, "-o", output, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning", "--log", "ForceOverwrite", "-q" })
            {
                start.ArgumentList.Add(arg);
            }

            // The multitool is a self-contained .NET app: keep this test host's DOTNET_ variables out of it.
            foreach (string name in new[] { "DOTNET_ROOT", "DOTNET_HOST_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(File.Exists(output), "sarif-multitool wrote no output: " + log);

            using var document = JsonDocument.Parse(File.ReadAllText(output));
            var errors = new System.Collections.Generic.List<string>();
            foreach (var result in document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                if (result.TryGetProperty("level", out var level) && level.GetString() is "error" or "warning")
                {
                    errors.Add(result.GetProperty("ruleId").GetString() + ": " + result.GetProperty("message").ToString());
                }
            }

            return errors.ToArray();
        }
    }
}
