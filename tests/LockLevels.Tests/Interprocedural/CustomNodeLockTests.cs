using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Xunit;

namespace LockLevels.Tests.Interprocedural
{
    /// <summary>
    /// A corpus-shaped library: one custom reader-writer lock class annotated once with receiver-level
    /// [Acquires]/[Releases] (and a try-lock), held in a [Lock("Fs.Dir")] field of every directory and a
    /// [Lock("Fs.File")] property of every file. Every analyzer runs; only the one inversion is reported.
    /// </summary>
    public class CustomNodeLockTests
    {
        internal const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("Fs.Rename", "Fs.Dir", "Fs.File")]

            namespace Corpus.CustomNodeLock
            {
                /// <summary>A reader-writer lock on Monitor, annotated once: each call takes the level of the object it is called on.</summary>
                public sealed class NodeLock
                {
                    private readonly object _gate = new();
                    private int _readers;
                    private bool _writer;

                    [Acquires]
                    public void EnterExclusive()
                    {
                        lock (_gate)
                        {
                            while (_writer || _readers > 0) Monitor.Wait(_gate);
                            _writer = true;
                        }
                    }

                    [Acquires(Try = true)]
                    public bool TryEnterExclusive()
                    {
                        lock (_gate)
                        {
                            if (_writer || _readers > 0) return false;
                            _writer = true;
                            return true;
                        }
                    }

                    [Releases]
                    public void ExitExclusive()
                    {
                        lock (_gate) { _writer = false; Monitor.PulseAll(_gate); }
                    }

                    [Acquires(Shared = true)]
                    public void EnterShared()
                    {
                        lock (_gate) { while (_writer) Monitor.Wait(_gate); _readers++; }
                    }

                    [Releases]
                    public void ExitShared()
                    {
                        lock (_gate) { if (--_readers == 0) Monitor.PulseAll(_gate); }
                    }
                }

                public sealed class FileNode
                {
                    [Lock("Fs.File")] public NodeLock Lock { get; } = new();
                    public byte[] Data = Array.Empty<byte>();
                }

                public sealed class DirNode
                {
                    [Lock("Fs.Dir")] public readonly NodeLock Lock = new();
                    public readonly Dictionary<string, FileNode> Files = new();
                }

                public sealed class FileSystem
                {
                    private readonly DirNode _root = new();

                    [MightAcquire("Fs.Dir", "Fs.File")]
                    public byte[]? Read(string name)
                    {
                        _root.Lock.EnterShared();
                        try
                        {
                            if (!_root.Files.TryGetValue(name, out var file)) return null;
                            file.Lock.EnterShared();
                            try { return file.Data; }
                            finally { file.Lock.ExitShared(); }
                        }
                        finally { _root.Lock.ExitShared(); }
                    }

                    public bool TryTruncate(FileNode file)
                    {
                        if (!file.Lock.TryEnterExclusive()) return false;
                        try { file.Data = Array.Empty<byte>(); return true; }
                        finally { file.Lock.ExitExclusive(); }
                    }

                    // The bug: a file's lock, then its directory's.
                    [MightAcquire("Fs.Dir", "Fs.File")]
                    public void Unlink(FileNode file, string name)
                    {
                        file.Lock.EnterExclusive();
                        try
                        {
                            _root.Lock.EnterExclusive();
                            try { _root.Files.Remove(name); }
                            finally { _root.Lock.ExitExclusive(); }
                        }
                        finally { file.Lock.ExitExclusive(); }
                    }
                }
            }
            """;

        [Fact]
        public async Task TheInversionThroughTwoLockObjects_IsAllThatIsReported()
        {
            var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(Source));
            var reported = diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("LL", System.StringComparison.Ordinal))
                .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ThenBy(diagnostic => diagnostic.Id, System.StringComparer.Ordinal)
                .ToImmutableArray();
            Assert.Equal(
                "(80,17): warning LL0004: possible circular locking dependency: Fs.Dir → Fs.File (Read: FileNode.Lock.EnterShared) → Fs.Dir (Unlink: DirNode.Lock.EnterExclusive) @79,16 @100,16\n"
                + "(101,17): warning LL0001: 'Fs.Dir' is acquired while 'Fs.File' is held; Fs.Dir is outer to Fs.File @97,12",
                AnalyzerRunner.Describe(reported));
        }
    }
}
