using System.IO;
using System.Linq;
using System.Reflection;

namespace LockLevels.Tests.Support
{
    /// <summary>
    /// The repository this test assembly was built from (its RepoRoot, passed in by the project file as
    /// tests/Netfs.Tests does), for tests that check the docs and the packaging against the source tree.
    /// </summary>
    public static class RepositoryPaths
    {
        public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepoRoot").Value!;

        /// <summary>A path of the repository, given with forward slashes as docs and links write it.</summary>
        public static string Of(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
    }
}
