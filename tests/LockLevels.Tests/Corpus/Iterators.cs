using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.Iterators
{
    /// <summary>
    /// An ordered set (a binary search tree) whose enumerators iterate a snapshot taken under the
    /// lock, so that callers can keep iterating while other threads add.
    /// </summary>
    public sealed class ConcurrentOrderedSet<T> : IEnumerable<T> where T : IComparable<T>
    {
        private sealed class Node(T value)
        {
            public readonly T Value = value;
            public Node? Left;
            public Node? Right;
        }

        private readonly object _gate = new();
        private Node? _root;
        private int _count;
        private int _version;

        public int Count => Volatile.Read(ref _count);

        public bool Add(T value)
        {
            lock (_gate)
            {
                ref Node? slot = ref _root;
                while (slot is not null)
                {
                    var comparison = value.CompareTo(slot.Value);
                    if (comparison == 0)
                    {
                        return false;
                    }

                    slot = ref (comparison < 0 ? ref slot.Left : ref slot.Right);
                }

                slot = new Node(value);
                _count++;
                _version++;
                return true;
            }
        }

        private List<T> Snapshot()
        {
            lock (_gate)
            {
                var items = new List<T>(_count);
                InOrder(_root, items);
                return items;
            }

            static void InOrder(Node? node, List<T> into)
            {
                if (node is null)
                {
                    return;
                }

                InOrder(node.Left, into);
                into.Add(node.Value);
                InOrder(node.Right, into);
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in Snapshot())
            {
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public IEnumerable<T> Range(T from, T to)
        {
            foreach (var item in this)
            {
                if (item.CompareTo(from) < 0)
                {
                    continue;
                }

                if (item.CompareTo(to) > 0)
                {
                    yield break;
                }

                yield return item;
            }
        }

        /// <summary>Yields while holding the lock: the caller sees a consistent view, and must not block.</summary>
        public IEnumerable<(int Version, T Item)> LockedWalk()
        {
            lock (_gate)
            {
                var stack = new Stack<Node>();
                var node = _root;
                while (stack.Count > 0 || node is not null)
                {
                    while (node is not null)
                    {
                        stack.Push(node);
                        node = node.Left;
                    }

                    node = stack.Pop();
                    yield return (_version, node.Value);
                    node = node.Right;
                }
            }
        }
    }

    public static class Sequences
    {
        public static IEnumerable<long> Fibonacci()
        {
            long a = 0, b = 1;
            while (true)
            {
                yield return a;
                (a, b) = (b, checked(a + b));
            }
        }

        public static IEnumerable<T[]> Batch<T>(this IEnumerable<T> source, int size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
            return Iterate();

            IEnumerable<T[]> Iterate()
            {
                var batch = new List<T>(size);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == size)
                    {
                        yield return batch.ToArray();
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    yield return batch.ToArray();
                }
            }
        }

        public static IEnumerable<string> ReadLines(System.IO.TextReader reader)
        {
            using (reader)
            {
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    if (line.StartsWith('#'))
                    {
                        continue;
                    }

                    yield return line;
                }
            }
        }
    }
}
