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

        internal static Task<AnalysisResult> AnalyseAsync(string path)
            => SolutionAnalysis.RunAsync(InputPath.Resolve(Repo.PathOf(path)), new Dictionary<string, string>(), restore: true,
                new Progress(TextWriter.Null, quiet: true), CancellationToken.None);
    }

    [CollectionDefinition(Name)]
    public sealed class SamplesCollection : ICollectionFixture<SamplesFixture>
    {
        public const string Name = "Samples";
    }
}
