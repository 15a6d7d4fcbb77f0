using System.Collections.Generic;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// A held lock is named by the local it was taken through ("local:child"); when that local is given
    /// another value the name no longer means that object. Walking hand over hand (<c>child.Enter();
    /// dir.Exit(); dir = child;</c>) and taking a loop's fresh local again are so told apart from taking one
    /// object twice: an assignment <c>x = y</c> moves the held objects named through <c>y</c> to <c>x</c>,
    /// and any other new value of <c>x</c> leaves the objects it named without a name.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        private readonly Dictionary<(int Site, string? Path), int> _renamedSites = new();

        private HeldLockSet Renamed(IOperation operation, HeldLockSet state)
        {
            if (state.IsEmpty)
            {
                return state;
            }

            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    var source = ValueResolver.StripConversions(assignment.Value) as ILocalReferenceOperation;
                    return Renamed(state, target.Local, source?.Local);
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared }:
                    return Renamed(state, declared, from: null);
                default:
                    return state;
            }
        }

        private HeldLockSet Renamed(HeldLockSet state, ILocalSymbol local, ILocalSymbol? from)
        {
            string name = "local:" + local.Name;
            string? fromName = from == null || SymbolEqualityComparer.Default.Equals(from, local) ? null : "local:" + from.Name;
            return state.MapSites(site =>
            {
                var lockObject = _sites[site].Object;
                if (lockObject?.Path is not { } path)
                {
                    return site;
                }

                if (IsRootedAt(path, name))
                {
                    return RenamedSite(site, null);
                }

                return fromName != null && IsRootedAt(path, fromName) ? RenamedSite(site, name + path.Substring(fromName.Length)) : site;
            });
        }

        private static bool IsRootedAt(string path, string root)
            => path.StartsWith(root, System.StringComparison.Ordinal) && (path.Length == root.Length || path[root.Length] == '.');

        private int RenamedSite(int site, string? path)
        {
            if (_renamedSites.TryGetValue((site, path), out int renamed))
            {
                return renamed;
            }

            var original = _sites[site];
            var lockObject = original.Object!;
            var moved = path == null ? null : new LockObject(path, Moved(lockObject.Owner, lockObject.Path!, path), lockObject.Reentrancy, lockObject.KeyOrder, lockObject.OwnersOwn);
            renamed = _sites.Count;
            _sites.Add(new Site(original.Event, original.Escapes, moved, isRenamed: true));
            _renamedSites.Add((site, path), renamed);
            return renamed;
        }

        /// <summary>The owner's name after its lock's path moved from <paramref name="oldPath"/> to <paramref name="newPath"/>.</summary>
        private static string? Moved(string? owner, string oldPath, string newPath)
        {
            if (owner == null)
            {
                return null;
            }

            int root = oldPath.IndexOf('.');
            string oldRoot = root < 0 ? oldPath : oldPath.Substring(0, root);
            int newRootEnd = newPath.IndexOf('.');
            string newRoot = newRootEnd < 0 ? newPath : newPath.Substring(0, newRootEnd);
            return IsRootedAt(owner, oldRoot) ? newRoot + owner.Substring(oldRoot.Length) : null;
        }
    }
}
