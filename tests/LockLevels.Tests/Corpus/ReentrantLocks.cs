using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace Corpus.ReentrantLocks
{
    /// <summary>
    /// A document model whose public methods lock <c>this</c> and call each other, so the monitor is
    /// taken re-entrantly; the class-wide registry is guarded by <c>typeof(Document)</c>, which is
    /// always taken before <c>this</c>.
    /// </summary>
    public class Document
    {
        private static readonly List<WeakReference<Document>> s_open = new();
        private static int s_nextId;

        private readonly List<string> _paragraphs = new();
        private readonly Stack<List<string>> _undo = new();

        public Document(string title)
        {
            Title = title;
            lock (typeof(Document))
            {
                Id = ++s_nextId;
                s_open.Add(new WeakReference<Document>(this));
            }
        }

        public int Id { get; }
        public string Title { get; }

        public int ParagraphCount
        {
            get
            {
                lock (this)
                {
                    return _paragraphs.Count;
                }
            }
        }

        public void Append(string paragraph)
        {
            lock (this)
            {
                SaveUndoState();
                _paragraphs.Add(paragraph);
            }
        }

        public void Replace(int index, string paragraph)
        {
            lock (this)
            {
                SaveUndoState();
                RemoveAt(index);
                Insert(index, paragraph);
            }
        }

        public void RemoveAt(int index)
        {
            lock (this)
            {
                _paragraphs.RemoveAt(index);
            }
        }

        public void Insert(int index, string paragraph)
        {
            lock (this)
            {
                _paragraphs.Insert(index, paragraph);
            }
        }

        protected virtual void SaveUndoState()
        {
            // Called with the monitor held by the caller; taking it again is cheap and harmless.
            lock (this)
            {
                _undo.Push(new List<string>(_paragraphs));
                if (_undo.Count > 100)
                {
                    // Keep the 50 newest states, oldest pushed first.
                    var newest = _undo.Take(50).Reverse().ToList();
                    _undo.Clear();
                    foreach (var state in newest)
                    {
                        _undo.Push(state);
                    }
                }
            }
        }

        public bool Undo()
        {
            var taken = false;
            Monitor.Enter(this, ref taken);
            try
            {
                if (_undo.Count == 0)
                {
                    return false;
                }

                var previous = _undo.Pop();
                _paragraphs.Clear();
                _paragraphs.AddRange(previous);
                return true;
            }
            finally
            {
                if (taken)
                {
                    Monitor.Exit(this);
                }
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                var builder = new StringBuilder().AppendLine($"# {Title}");
                foreach (var paragraph in _paragraphs)
                {
                    builder.AppendLine().AppendLine(paragraph);
                }

                return builder.ToString();
            }
        }

        public static int OpenCount()
        {
            lock (typeof(Document))
            {
                s_open.RemoveAll(reference => !reference.TryGetTarget(out _));
                return s_open.Count;
            }
        }

        /// <summary>The class lock, then each document's monitor: the one order of the two.</summary>
        public static int TotalParagraphs()
        {
            lock (typeof(Document))
            {
                var total = 0;
                foreach (var reference in s_open)
                {
                    if (reference.TryGetTarget(out var document))
                    {
                        lock (document)
                        {
                            total += document._paragraphs.Count;
                        }
                    }
                }

                return total;
            }
        }
    }

    public sealed class TrackedDocument(string title) : Document(title)
    {
        private int _saves;

        public int Saves => Volatile.Read(ref _saves);

        protected override void SaveUndoState()
        {
            lock (this)
            {
                base.SaveUndoState();
                _saves++;
            }
        }
    }

    public static class LocalLocks
    {
        /// <summary>Locks on locals: each worker's own buffer, never nested.</summary>
        public static string[] Render(IReadOnlyList<Document> documents)
        {
            var results = new string[documents.Count];
            var threads = new List<Thread>();
            for (var i = 0; i < documents.Count; i++)
            {
                var index = i;
                var buffer = new StringBuilder();
                var thread = new Thread(() =>
                {
                    var text = documents[index].ToString();
                    lock (buffer)
                    {
                        buffer.Append(text);
                    }

                    lock (results)
                    {
                        results[index] = buffer.ToString();
                    }
                });
                threads.Add(thread);
                thread.Start();
            }

            threads.ForEach(thread => thread.Join());
            return results;
        }
    }
}
