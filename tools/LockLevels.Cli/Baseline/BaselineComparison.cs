using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Baseline
{
    /// <summary>Today's findings against a baseline: new ones (which count), known ones, and baseline entries no longer found.</summary>
    internal sealed class BaselineComparison
    {
        private BaselineComparison(ImmutableArray<Finding> newFindings, ImmutableArray<Finding> known, ImmutableArray<BaselineEntry> gone)
        {
            New = newFindings;
            Known = known;
            Gone = gone;
        }

        public ImmutableArray<Finding> New { get; }

        public ImmutableArray<Finding> Known { get; }

        public ImmutableArray<BaselineEntry> Gone { get; }

        public bool IsNew(Finding finding) => New.Contains(finding);

        /// <summary>
        /// Matches by key as multisets: two findings with one key need two baseline entries, so a second
        /// identical inversion added to a method is new.
        /// </summary>
        public static BaselineComparison Compare(ImmutableArray<Finding> findings, ImmutableArray<BaselineEntry> baseline)
        {
            var remaining = new Dictionary<string, Queue<BaselineEntry>>();
            foreach (var entry in baseline)
            {
                if (!remaining.TryGetValue(entry.Key, out var queue))
                {
                    remaining.Add(entry.Key, queue = new Queue<BaselineEntry>());
                }

                queue.Enqueue(entry);
            }

            var newFindings = ImmutableArray.CreateBuilder<Finding>();
            var known = ImmutableArray.CreateBuilder<Finding>();
            foreach (var finding in findings)
            {
                if (remaining.TryGetValue(finding.Key, out var queue) && queue.Count > 0)
                {
                    queue.Dequeue();
                    known.Add(finding);
                }
                else
                {
                    newFindings.Add(finding);
                }
            }

            var gone = ImmutableArray.CreateBuilder<BaselineEntry>();
            foreach (var entry in baseline)
            {
                if (remaining.TryGetValue(entry.Key, out var queue) && queue.Count > 0 && ReferenceEquals(queue.Peek(), entry))
                {
                    gone.Add(queue.Dequeue());
                }
            }

            return new BaselineComparison(newFindings.ToImmutable(), known.ToImmutable(), gone.ToImmutable());
        }
    }
}
