using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0010: a lock of one class (a level or an inferred class) taken on one object while the same
    /// class is held on another, directly or through calls: lockdep's "possible recursive locking".
    /// Not reported where the method declares that nesting with [LockNesting(outer, inner)] in that order, nor for
    /// a class every such nesting of which goes down to an object the holder was made with.
    /// Once per acquisition (or call) and class.
    /// </summary>
    internal sealed class NestedLockClassRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LockClassNestedOnTwoObjects);

        public bool AppliesTo(CompilationIndex index) => true;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            var reported = new HashSet<(Location, string)>();
            var ordered = OrderedByConstruction(facts, index);
            foreach (var retaking in facts.Retakings)
            {
                if (!retaking.IsOtherObject || ordered.Contains(retaking.Level) || IsDeclared(retaking, index) || IsOrderedByAKey(retaking)
                    || !reported.Add((retaking.Location, retaking.Level)))
                {
                    continue;
                }

                var (first, second) = NamesOf(retaking.First.Object!, retaking.Second!);
                diagnostics.Add(Diagnostic.Create(Descriptors.LockClassNestedOnTwoObjects, retaking.Location, retaking.AdditionalLocations,
                    retaking.Level, second, first, retaking.First.Description, retaking.SecondText));
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// The classes nested on two objects only downwards: every retaking that may be on another object takes it
        /// on one below the holder (a wrapper's wrapped object, a child's parent). A thread nesting them the other
        /// way would need a chain back up, which objects each made with the next do not have.
        /// </summary>
        private static HashSet<string> OrderedByConstruction(ProgramFacts facts, CompilationIndex index)
        {
            var below = new HashSet<string>(StringComparer.Ordinal);
            var other = new HashSet<string>(StringComparer.Ordinal);
            foreach (var retaking in facts.Retakings)
            {
                if (retaking.IsSameObject)
                {
                    continue;
                }

                (retaking.IsBelow(index) ? below : other).Add(retaking.Level);
            }

            below.ExceptWith(other);
            below.ExceptWith(facts.RetakenUnnamed);
            return below;
        }

        /// <summary>
        /// The two objects as source names them: the objects the locks belong to when those differ
        /// ("this" and "other" for _sync and other._sync), else the lock objects themselves (two fields of one level).
        /// </summary>
        private static (string First, string Second) NamesOf(LockObject first, LockObject second)
            => first.Owner is { } firstOwner && second.Owner is { } secondOwner && firstOwner != secondOwner
                ? (ObjectPaths.Display(firstOwner), ObjectPaths.Display(secondOwner))
                : (ObjectPaths.Display(first.Path!), ObjectPaths.Display(second.Path!));

        /// <summary>var (first, second) = a.Id &lt; b.Id ? (a, b) : (b, a): the code states the order by a key.</summary>
        private static bool IsOrderedByAKey(Retaking retaking)
            => retaking.First.Object!.KeyOrder is { } first && retaking.Second!.KeyOrder is { } second && first.Mirrors(second);

        /// <summary>[LockNesting(outer, inner)] on the body's method, naming the held object first and the acquired one second.</summary>
        private static bool IsDeclared(Retaking retaking, CompilationIndex index)
        {
            if (retaking.Body.Method is not { } method)
            {
                return false;
            }

            foreach (var (outer, inner) in index.Reentry.NestingsOf(method))
            {
                if (Names(retaking.First.Object!, outer) && Names(retaking.Second!, inner))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name is the lock object's, or that of an object it belongs to: "from" names from._sync and from._journal.</summary>
        private static bool Names(LockObject lockObject, string name)
        {
            for (var path = lockObject.Path!; ; path = path.Substring(0, path.LastIndexOf('.')))
            {
                if (ObjectPaths.Display(path) == name)
                {
                    return true;
                }

                if (path.LastIndexOf('.') < 0)
                {
                    return false;
                }
            }
        }
    }
}
