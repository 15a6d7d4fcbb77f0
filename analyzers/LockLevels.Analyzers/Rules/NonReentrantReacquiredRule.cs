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
    /// LL0009: a lock that is not re-entrant taken again, on the same object, by the thread that holds it:
    /// a SemaphoreSlim with one slot, a ReaderWriterLockSlim against its recursion policy, an annotated level
    /// not declared recursive. Once per acquisition (or call) and level.
    /// </summary>
    internal sealed class NonReentrantReacquiredRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NonReentrantReacquired);

        public bool AppliesTo(CompilationIndex index) => true;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            var diagnostics = new List<Diagnostic>();
            var reported = new HashSet<(Location, string)>();
            foreach (var retaking in facts.Retakings)
            {
                if (retaking.IsSameObject && WhyItFails(retaking) is { } reason && reported.Add((retaking.Location, retaking.Level)))
                {
                    diagnostics.Add(Diagnostic.Create(Descriptors.NonReentrantReacquired, retaking.Location, retaking.AdditionalLocations,
                        retaking.Level, retaking.First.Description, retaking.SecondText, reason));
                }
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        /// <summary>What goes wrong when this lock is taken again in this mode; null when its holder may take it again.</summary>
        private static string? WhyItFails(Retaking retaking)
        {
            var first = retaking.First;
            bool firstIsReader = first.Shared && !first.Upgradeable;
            bool secondUpgrades = !retaking.Shared || retaking.Upgradeable;
            switch (retaking.Second!.Reentrancy)
            {
                case Reentrancy.SingleSlotSemaphore:
                    return "a SemaphoreSlim with one slot is not re-entrant: the second wait never returns";
                case Reentrancy.NonRecursiveLevel:
                    return "'" + retaking.Level + "' is not declared [assembly: RecursiveLevels]: the second acquisition can queue behind a writer that waits for the first";
                case Reentrancy.ReaderWriterNoRecursion when !(first.Upgradeable && !retaking.Upgradeable):
                    return "a ReaderWriterLockSlim with LockRecursionPolicy.NoRecursion throws LockRecursionException";
                case Reentrancy.ReaderWriterSupportsRecursion when firstIsReader && secondUpgrades:
                    return "a read lock cannot be upgraded: ReaderWriterLockSlim throws LockRecursionException even with LockRecursionPolicy.SupportsRecursion";
                default:
                    return null;
            }
        }
    }
}
