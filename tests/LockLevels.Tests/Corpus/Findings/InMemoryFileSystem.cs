using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using LockLevels;

// An in-memory filesystem: one rename lock for the whole tree and a reader-writer lock in every directory
// and file, all of one custom lock class built on Monitor; paths are walked hand over hand from the root.
// Annotated in twelve lines: the order, the two lock objects, the lock class's five methods, the walk's
// "no node lock held" and its hand-over-hand nesting, and two deliberate directory-then-file nestings.
[assembly: LockHierarchy("MemFs.Rename", "MemFs.Node")]

namespace Corpus.Findings.InMemoryFileSystem
{
    /// <summary>Many readers or one writer, on a monitor: what every node and the rename lock use.</summary>
    public sealed class NodeLock
    {
        private readonly object _sync = new();
        private int _readers;
        private bool _writer;

        [Acquires(Shared = true)]
        public void EnterShared()
        {
            lock (_sync)
            {
                while (_writer)
                {
                    Monitor.Wait(_sync);
                }

                _readers++;
            }
        }

        [Releases]
        public void ExitShared()
        {
            lock (_sync)
            {
                if (--_readers == 0)
                {
                    Monitor.PulseAll(_sync);
                }
            }
        }

        [Acquires]
        public void EnterExclusive()
        {
            lock (_sync)
            {
                while (_writer || _readers > 0)
                {
                    Monitor.Wait(_sync);
                }

                _writer = true;
            }
        }

        /// <summary>Takes the lock only if nobody holds it, without waiting.</summary>
        [Acquires(Try = true)]
        public bool TryEnterExclusive()
        {
            lock (_sync)
            {
                if (_writer || _readers > 0)
                {
                    return false;
                }

                _writer = true;
                return true;
            }
        }

        [Releases]
        public void ExitExclusive()
        {
            lock (_sync)
            {
                _writer = false;
                Monitor.PulseAll(_sync);
            }
        }
    }

    public abstract class Node
    {
        [Lock("MemFs.Node")] internal readonly NodeLock Lock = new();

        protected Node(string name) => Name = name;

        public string Name { get; internal set; }
    }

    public sealed class FileNode : Node
    {
        public FileNode(string name) : base(name)
        {
        }

        public byte[] Data { get; internal set; } = Array.Empty<byte>();
    }

    /// <summary>A directory's entries; its lock is held by whoever reads (shared) or changes (exclusive) them.</summary>
    public sealed class DirectoryNode : Node
    {
        private readonly Dictionary<string, Node> _entries = new(StringComparer.Ordinal);

        public DirectoryNode(string name) : base(name)
        {
        }

        internal Node? Find(string name) => _entries.TryGetValue(name, out var entry) ? entry : null;

        internal void Add(Node entry) => _entries[entry.Name] = entry;

        internal bool Remove(string name) => _entries.Remove(name);
    }

    public sealed class MemoryFileSystem
    {
        [Lock("MemFs.Rename")] private readonly NodeLock _renameLock = new();
        private readonly DirectoryNode _root = new("");

        public bool Exists(string path)
        {
            var (folder, name) = Split(path);
            var dir = Walk(folder, exclusive: false);
            try
            {
                return dir.Find(name) != null;
            }
            finally
            {
                dir.Lock.ExitShared();
            }
        }

        public byte[] Read(string path)
        {
            var (folder, name) = Split(path);
            var dir = Walk(folder, exclusive: false);
            try
            {
                return dir.Find(name) is FileNode file ? file.Data : throw new FileNotFoundException(path);
            }
            finally
            {
                dir.Lock.ExitShared();
            }
        }

        /// <summary>The directory first, then the file: parent before child, as the walk takes them.</summary>
        [LockNesting("dir", "file")]
        public void Write(string path, byte[] data)
        {
            var (folder, name) = Split(path);
            var dir = Walk(folder, exclusive: true);
            try
            {
                if (dir.Find(name) is not FileNode file)
                {
                    file = new FileNode(name);
                    dir.Add(file);
                }

                file.Lock.EnterExclusive();
                try
                {
                    file.Data = data;
                }
                finally
                {
                    file.Lock.ExitExclusive();
                }
            }
            finally
            {
                dir.Lock.ExitExclusive();
            }
        }

        /// <summary>Deletes a file nobody is using; a busy one is left alone.</summary>
        [LockNesting("dir", "file")]
        public bool TryDelete(string path)
        {
            var (folder, name) = Split(path);
            var dir = Walk(folder, exclusive: true);
            try
            {
                if (dir.Find(name) is not FileNode file || !file.Lock.TryEnterExclusive())
                {
                    return false;
                }

                try
                {
                    return dir.Remove(name);
                }
                finally
                {
                    file.Lock.ExitExclusive();
                }
            }
            finally
            {
                dir.Lock.ExitExclusive();
            }
        }

        /// <summary>
        /// Renames an entry inside one directory. The check that the new name is free walks from the root
        /// again while this directory's lock is held: a lookup holding the root waits for this directory,
        /// and this walk waits for the root (and for the directory it holds itself).
        /// </summary>
        public void Rename(string folder, string from, string to)
        {
            _renameLock.EnterExclusive();
            try
            {
                var dir = Walk(folder, exclusive: true);
                try
                {
                    if (Exists(folder + "/" + to))
                    {
                        throw new IOException(to + " exists");
                    }

                    var entry = dir.Find(from) ?? throw new FileNotFoundException(from);
                    dir.Remove(from);
                    entry.Name = to;
                    dir.Add(entry);
                }
                finally
                {
                    dir.Lock.ExitExclusive();
                }
            }
            finally
            {
                _renameLock.ExitExclusive();
            }
        }

        /// <summary>
        /// Hand over hand from the root: each directory's lock is taken shared before its parent's is let
        /// go; the last one is returned held (exclusive when asked). It must start with no node held.
        /// </summary>
        [CalledWithLocksNotHeld("MemFs.Node")]
        [LockNesting("dir", "child")]
        private DirectoryNode Walk(string folder, bool exclusive)
        {
            var names = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var dir = _root;
            if (names.Length == 0 && exclusive)
            {
                dir.Lock.EnterExclusive();
                return dir;
            }

            dir.Lock.EnterShared();
            for (int i = 0; i < names.Length; i++)
            {
                if (dir.Find(names[i]) is not DirectoryNode child)
                {
                    dir.Lock.ExitShared();
                    throw new DirectoryNotFoundException(folder);
                }

                if (exclusive && i == names.Length - 1)
                {
                    child.Lock.EnterExclusive();
                }
                else
                {
                    child.Lock.EnterShared();
                }

                dir.Lock.ExitShared();
                dir = child;
            }

            return dir;
        }

        private static (string Folder, string Name) Split(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash < 0 ? ("", path) : (path.Substring(0, slash), path.Substring(slash + 1));
        }
    }
}
