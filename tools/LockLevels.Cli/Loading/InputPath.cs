using System;
using System.IO;
using System.Linq;
using LockLevels.Cli.CommandLine;

namespace LockLevels.Cli.Loading
{
    /// <summary>What PATH names: a solution (.sln, .slnx) or a project (.csproj), and the folder reports are relative to.</summary>
    internal sealed record InputPath(string FullPath, bool IsSolution)
    {
        public string RootDirectory => Path.GetDirectoryName(FullPath)!;

        /// <summary>The file itself, or the one solution or project in a folder (a solution wins over a project).</summary>
        public static InputPath Resolve(string path)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                return Classify(full) ?? throw new UsageException($"'{path}' is not a .sln, .slnx or .csproj");
            }

            if (!Directory.Exists(full))
            {
                throw new UsageException($"'{path}' does not exist");
            }

            foreach (var patterns in new[] { new[] { "*.sln", "*.slnx" }, new[] { "*.csproj" } })
            {
                var found = patterns.SelectMany(pattern => Directory.GetFiles(full, pattern)).OrderBy(file => file, StringComparer.Ordinal).ToArray();
                if (found.Length == 1)
                {
                    return Classify(found[0])!;
                }

                if (found.Length > 1)
                {
                    throw new UsageException($"'{path}' holds more than one of {string.Join(", ", found.Select(Path.GetFileName))}: name one");
                }
            }

            throw new UsageException($"'{path}' holds no .sln, .slnx or .csproj");
        }

        private static InputPath? Classify(string file) => Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".sln" or ".slnx" => new InputPath(file, IsSolution: true),
            ".csproj" => new InputPath(file, IsSolution: false),
            _ => null,
        };
    }
}
