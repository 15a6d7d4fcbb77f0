using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Cli.Analysis;
using LockLevels.Cli.Loading;
using Xunit;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>
    /// samples/Netfs and samples/Netfs.Fixed, each loaded and analysed once (seconds apiece) for every
    /// test of the "Samples" collection.
    /// </summary>
    public sealed class SamplesFixture : IAsyncLifetime
    {
        internal AnalysisResult Netfs { get; private set; } = null!;

        internal AnalysisResult NetfsFixed { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Netfs = await AnalyseAsync("samples/Netfs");
            NetfsFixed = await AnalyseAsync("samples/Netfs.Fixed");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>What `locklevels check PATH` analyses, before it reports; restored first unless it has been (a build of the solution restores the samples).</summary>
        internal static Task<AnalysisResult> AnalyseAsync(string path)
        {
            var input = InputPath.Resolve(Path.IsPathRooted(path) ? path : Repo.PathOf(path));
            bool restored = File.Exists(Path.Combine(input.RootDirectory, "obj", "project.assets.json"));
            return SolutionAnalysis.RunAsync(input, new Dictionary<string, string>(), restore: !restored,
                new Progress(TextWriter.Null, quiet: true), CancellationToken.None);
        }
    }

    [CollectionDefinition(Name)]
    public sealed class SamplesCollection : ICollectionFixture<SamplesFixture>
    {
        public const string Name = "Samples";
    }
}
