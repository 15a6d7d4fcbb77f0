using System.IO;
using System.Linq;
using System.Reflection;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>Paths in the repository the tests run from.</summary>
    internal static class Repo
    {
        public static string Root { get; } = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepoRoot").Value!;

        public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

        /// <summary>The validator eng/install-prereqs.sh installs.</summary>
        public static string SarifMultitool => PathOf("artifacts/tools/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
    }
}
