using System.Collections.Immutable;
using System.Linq;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>Hand-built graphs: the seed's three-lock cycle, for the writers' tests without any project.</summary>
    internal static class Graphs
    {
        public static GraphHop Hop(string method, string description, string file, int line, string ns = "Netfs")
            => new(method, description, new SourceSpan(file, line, 9, line, 30), ns);

        /// <summary>InvalidateLock → SbWriters (a three-frame chain) → MmapLock → InvalidateLock, reported at the first edge.</summary>
        public static GraphCycle SeedCycle { get; } = new(
            "LL0004",
            "possible circular locking dependency: InvalidateLock → SbWriters → MmapLock → InvalidateLock",
            new SourceSpan("Afs/AfsVnode.cs", 38, 70, 38, 99),
            ImmutableArray.Create(
                new GraphEdge("InvalidateLock", "SbWriters", ImmutableArray.Create(
                    Hop("AfsVnode.WritePages", "Netfslib.WritePages", "Afs/AfsVnode.cs", 38),
                    Hop("Netfslib.WritePages", "CachefilesCache.IssueWrite", "Netfslib/Netfslib.cs", 51),
                    Hop("CachefilesCache.IssueWrite", "SuperBlock.StartWrite", "Cachefiles/CachefilesCache.cs", 95))),
                new GraphEdge("SbWriters", "MmapLock", ImmutableArray.Create(
                    Hop("ReadWrite.VfsWrite", "ReadWrite.GenericPerformWrite", "Vfs/ReadWrite.cs", 16),
                    Hop("ReadWrite.GenericPerformWrite", "Iov.FaultInReadable", "Vfs/ReadWrite.cs", 40))),
                new GraphEdge("MmapLock", "InvalidateLock", ImmutableArray.Create(
                    Hop("Filemap.FilemapFault", "AddressSpace.InvalidateLock.EnterReadLock", "Mm/Filemap.cs", 23)))));

        /// <summary>Four declared levels, one inferred class, the seed cycle, an edge off the cycle and a deep context.</summary>
        public static LockGraphModel Seed { get; } = new(
            ImmutableArray.Create(
                new GraphNode("SbWriters", false), new GraphNode("MmapLock", false), new GraphNode("InvalidateLock", false),
                new GraphNode("FolioLock", false), new GraphNode("Cache._sync", true)),
            ImmutableArray.Create(
                new GraphOrder("SbWriters", "MmapLock"), new GraphOrder("MmapLock", "InvalidateLock"), new GraphOrder("InvalidateLock", "FolioLock")),
            SeedCycle.Edges.Add(new GraphEdge("FolioLock", "Cache._sync", ImmutableArray.Create(
                Hop("Cache.Lookup", "lock (_sync)", "Cache/Cache.cs", 12, ns: "Other.Cache")))),
            ImmutableArray.Create(SeedCycle),
            ImmutableArray.Create(new GraphDeepContext("IAddressSpaceOperations.WritePages", ImmutableArray.Create("InvalidateLock", "FolioLock"))));
    }
}
