using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// A level taken while the same level is already held in the body: directly, or by a call that
    /// reaches an acquisition of it. LL0009 reads those on the same object, LL0010 those on two.
    /// </summary>
    internal sealed class Retaking
    {
        private Retaking(BodyFacts body, HeldSite first, LockObject? second, bool shared, bool upgradeable, Location location, string secondText, ImmutableArray<Location> hops,
            CallReach? reach = null)
        {
            Reach = reach;
            Body = body;
            First = first;
            Second = second;
            Shared = shared;
            Upgradeable = upgradeable;
            Location = location;
            SecondText = secondText;
            Hops = hops;
        }

        /// <summary>The body that holds the first acquisition.</summary>
        public BodyFacts Body { get; }

        public HeldSite First { get; }

        /// <summary>The object the second acquisition takes, as the body names it.</summary>
        public LockObject? Second { get; }

        public bool Shared { get; }

        public bool Upgradeable { get; }

        /// <summary>The second acquisition, or the call that leads to it.</summary>
        public Location Location { get; }

        /// <summary>"Cache._gate.Wait", or the call chain down to it, shortened as LL0003 shortens it.</summary>
        public string SecondText { get; }

        /// <summary>The call that leads to the second acquisition; null when it is in the body.</summary>
        public CallReach? Reach { get; }

        /// <summary>The sites of the chain's steps (none for a direct acquisition).</summary>
        public ImmutableArray<Location> Hops { get; }

        public string Level => First.Level;

        /// <summary>Both acquisitions are known to take the same object.</summary>
        public bool IsSameObject => First.Object?.Path is { } first && first == Second?.Path;

        /// <summary>
        /// The second object is the first or below it, and the first holds its own lock: reached from it only through
        /// objects each made with the next (<see cref="Model.ReceiverKind.Part"/>), such as a wrapper's wrapped object
        /// or a child's parent, so no chain of such nestings comes back up to the first.
        /// </summary>
        public bool IsBelow(CompilationIndex index)
        {
            if (First.Object is not { Owner: ObjectPaths.This, OwnersOwn: true })
            {
                return false;
            }

            if (Reach == null)
            {
                // lock (_parent._sync): one member of this, fixed by its creator.
                return Second?.Owner is { } owner && owner.StartsWith("this.", System.StringComparison.Ordinal) && owner.IndexOf('.', 5) < 0
                    && Body.Method?.ContainingType is { } type && IsFixedMember(index, type, owner.Substring(5));
            }

            return Reach.Call.ReceiverKind is ReceiverKind.This or ReceiverKind.Part or ReceiverKind.Owner && Reach.Acquisition.OwnOrBelow;
        }

        private static bool IsFixedMember(CompilationIndex index, INamedTypeSymbol type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    return index.Owners.IsFixedAtConstruction(member);
                }
            }

            return false;
        }

        /// <summary>Both objects are known, and they differ.</summary>
        public bool IsOtherObject => First.Object?.Path is { } first && Second?.Path is { } second && first != second;

        /// <summary>The first acquisition's site, then the chain's.</summary>
        public ImmutableArray<Location> AdditionalLocations => ImmutableArray.Create(First.Location).AddRange(Hops);

        /// <summary>
        /// Every retaking of the program, read once through <see cref="ProgramFacts.Retakings"/>: those within bodies
        /// first, then those through calls, each group in source order. A hold the body took back after giving it to
        /// its caller (<see cref="HeldSite.Restores"/>) is the caller's: an acquisition under it that happens only
        /// with one value of the body's own flag (<c>if (!lockHeld)</c>, or the flag passed on) retakes it only when
        /// the caller passes that value, which the body's summary carries to the caller, where the hold is its own.
        /// </summary>
        public static List<Retaking> All(ProgramFacts facts)
        {
            var all = new List<Retaking>();
            foreach (var body in facts.Bodies)
            {
                foreach (var acquisition in body.Acquisitions)
                {
                    foreach (var held in acquisition.HeldSameLevel)
                    {
                        if (acquisition.Guard != null && IsRestoredHold(held, acquisition.Object))
                        {
                            continue;
                        }

                        all.Add(new Retaking(body, held, acquisition.Object, acquisition.Shared, acquisition.Upgradeable, acquisition.Location,
                            acquisition.Description, ImmutableArray<Location>.Empty));
                    }
                }
            }

            if (facts.Retaken.Count == 0)
            {
                return all;
            }

            var bodyOf = new Dictionary<Call, BodyFacts>();
            foreach (var body in facts.Bodies)
            {
                foreach (var call in body.Calls)
                {
                    if (!call.HeldSites.IsEmpty)
                    {
                        bodyOf[call] = body;
                    }
                }
            }

            foreach (var reach in facts.Retaken)
            {
                var second = reach.AcquiredObject();
                var retake = reach.Acquisition.Retake.Guard(ObjectPaths.ReceiverRootOf(reach.Call.ReceiverPath));
                bool flagged = reach.Call.Flags.CallerGuard(reach.Call.Guard ?? SummarySolver<IMethodSymbol, SummarySite>.Unguarded, retake).Ordinal >= 0;
                foreach (var held in reach.Call.HeldSites)
                {
                    if (held.Level == reach.Level && !(flagged && IsRestoredHold(held, second)))
                    {
                        all.Add(new Retaking(bodyOf[reach.Call], held, second, reach.Acquisition.Shared, reach.AcquiresUpgradeable, reach.Call.Location,
                            reach.ShortChain, reach.Hops, reach));
                    }
                }
            }

            return all;
        }

        /// <summary>The caller's hold of <paramref name="taken"/>, which the body gave back and took again.</summary>
        private static bool IsRestoredHold(HeldSite held, LockObject? taken)
            => held.Restores && held.Object?.Path is { } path && path == taken?.Path;
    }
}
