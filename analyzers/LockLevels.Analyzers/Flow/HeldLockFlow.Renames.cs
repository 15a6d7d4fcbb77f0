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
                if (_sites[site].Object?.Path is not { } path)
                {
                    return site;
                }

                if (IsRootedAt(path, name))
                {
                    return RenamedSite(site, name, newRoot: null);
                }

                return fromName != null && IsRootedAt(path, fromName) ? RenamedSite(site, fromName, name) : site;
            });
        }

        private static bool IsRootedAt(string path, string root)
            => path.StartsWith(root, System.StringComparison.Ordinal) && (path.Length == root.Length || path[root.Length] == '.');

        /// <summary>The site with its object's names moved from <paramref name="root"/> to <paramref name="newRoot"/>; with no new root, an object without a name.</summary>
        private int RenamedSite(int site, string root, string? newRoot)
        {
            if (_renamedSites.TryGetValue((site, newRoot), out int renamed))
            {
                return renamed;
            }

            var original = _sites[site];
            var lockObject = original.Object!;
            var moved = newRoot == null ? null
                : new LockObject(Rerooted(lockObject.Path, root, newRoot), Rerooted(lockObject.Owner, root, newRoot), lockObject.Reentrancy, lockObject.KeyOrder, lockObject.OwnersOwn);
            renamed = _sites.Count;
            _sites.Add(new Site(original.Event, original.Escapes, moved, isRenamed: true));
            _renamedSites.Add((site, newRoot), renamed);
            return renamed;
        }

        private static string? Rerooted(string? path, string root, string newRoot)
            => path != null && IsRootedAt(path, root) ? newRoot + path.Substring(root.Length) : null;
    }
}
