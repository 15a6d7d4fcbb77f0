namespace LockLevels.Tests.Rules
{
    /// <summary>
    /// A custom reader-writer lock built on Monitor whose methods are receiver-level [Acquires]/[Releases],
    /// and the objects that hold one: a directory's in a [Lock("Dir")] field, a file's in a [Lock("File")]
    /// property, the rename lock of a [Lock("Rename")] class.
    /// </summary>
    internal static class LockObjectSources
    {
        public const string NodeLock = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("Rename", "Dir", "File")]

            class NodeLock
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
                    lock (_gate) { _readers--; Monitor.PulseAll(_gate); }
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
            }

            sealed class Dir
            {
                [Lock("Dir")] public readonly NodeLock Lock = new();
            }

            sealed class FileNode
            {
                [Lock("File")] public NodeLock Lock { get; } = new();
            }

            // Every instance is the rename lock, wherever it is kept; its body takes Monitor on itself.
            [Lock("Rename")]
            sealed class RenameLock
            {
                [Acquires] public void Enter() => Monitor.Enter(this);
                [Releases] public void Exit() => Monitor.Exit(this);
            }

            """;

        /// <summary>The custom lock world with <paramref name="code"/> after it.</summary>
        public static string With(string code) => NodeLock + code;
    }
}
