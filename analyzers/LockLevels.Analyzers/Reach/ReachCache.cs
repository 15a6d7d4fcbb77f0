using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// The first pass of a compilation, built once for every LockLevels analyzer that reads it (the held-lock
    /// analysis, and the annotation rules for attributes on local functions and lambdas). A LockReach is
    /// immutable once built; a build that is cancelled is not kept.
    /// </summary>
    internal static class ReachCache
    {
        private static readonly ConditionalWeakTable<Compilation, object> Gates = new();
        private static readonly ConditionalWeakTable<Compilation, LockReach> Built = new();

        public static LockReach For(Compilation compilation, CancellationToken cancellationToken)
        {
            if (Built.TryGetValue(compilation, out var reach))
            {
                return reach;
            }

            lock (Gates.GetValue(compilation, _ => new object()))
            {
                if (!Built.TryGetValue(compilation, out reach))
                {
                    reach = LockReach.Build(compilation, cancellationToken);
                    Built.Add(compilation, reach);
                }

                return reach;
            }
        }
    }
}
