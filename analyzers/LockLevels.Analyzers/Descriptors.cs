using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers
{
    /// <summary>All descriptors, in one place; severity and help link follow from the ID.</summary>
    public static class Descriptors
    {
        private const string HelpRoot = "https://github.com/locklevels/locklevels/blob/main/docs/rules/";
        private const string Ordering = "LockOrdering";
        private const string Balance = "LockBalance";
        private const string Annotations = "LockAnnotations";
        private const string Affinity = "LockAffinity";

        public static string HelpLink(string id) => HelpRoot + id + ".md";

        public static readonly DiagnosticDescriptor LockOrderInversion = Create(
            DiagnosticIds.LockOrderInversion,
            "Lock-order inversion",
            "'{0}' is acquired while '{1}' is held; {0} is outer to {1}",
            Ordering, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor OuterLevelInDeepContext = Create(
            DiagnosticIds.OuterLevelInDeepContext,
            "Outer lock level acquired in a deep context",
            "'{0}' is acquired while '{1}' is held ({2} is called with {3} held, declared on {4}); {0} is outer to {1}",
            Ordering, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor CallAcquiresOuterLevel = Create(
            DiagnosticIds.CallAcquiresOuterLevel,
            "Call acquires an outer lock level",
            "Call to {0} acquires '{1}' while '{2}' is held: {3}; {1} is outer to {2}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor CircularLockDependency = Create(
            DiagnosticIds.CircularLockDependency,
            "Possible circular locking dependency",
            "possible circular locking dependency: {0}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnannotatedLockOrderInversion = Create(
            DiagnosticIds.UnannotatedLockOrderInversion,
            "Unannotated locks taken in opposite orders",
            "possible lock-order inversion between unannotated locks: {0}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor DeepContextCalledWithoutLocks = Create(
            DiagnosticIds.DeepContextCalledWithoutLocks,
            "Deep context called without its locks",
            "'{1}' is not held at this call to {0}, which is called with {2} held (declared on {3})",
            Ordering, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UndeclaredAcquisition = Create(
            DiagnosticIds.UndeclaredAcquisition,
            "Public method acquires levels it does not declare",
            "{0} acquires {1} but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
            Annotations, DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor NonReentrantReacquired = Create(
            DiagnosticIds.NonReentrantReacquired,
            "Non-re-entrant lock acquired again by its holder",
            "'{0}' is acquired again while this thread holds it: first {1}, then {2}; {3}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor LockClassNestedOnTwoObjects = Create(
            DiagnosticIds.LockClassNestedOnTwoObjects,
            "One lock class nested on two objects",
            "'{0}' is acquired on {1} while it is held on {2} (first {3}, then {4}); a thread nesting them the other way deadlocks with this one",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);
        public static readonly DiagnosticDescriptor NotHeldMemberReached = Create(
            DiagnosticIds.NotHeldReached,
            "Member declared 'must not hold' reached where its level may be held",
            "'{0}' may be held at this call ({1}), and {2} must be entered without it ([CalledWithLocksNotHeld]): {3}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor NotHeldLevelAcquired = Create(
            DiagnosticIds.NotHeldReached,
            "Member declared 'must not hold' reached where its level may be held",
            "'{0}' is acquired while '{1}' may be held ({2}), and {0} is acquired only without it ([assembly: AcquiredWithLocksNotHeld]): {3}",
            Ordering, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ThreadAffineLockAcrossAwait = Create(
            DiagnosticIds.ThreadAffineLockAcrossAwait,
            "Thread-affine lock held across await",
            "'{0}' is held across this await, taken by {1}: a {2} belongs to the thread that took it, and the code after the await may run on another thread",
            Affinity, DiagnosticSeverity.Warning, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnbalancedAcquire = Create(
            DiagnosticIds.UnbalancedLock,
            "Unbalanced lock acquisition or release",
            "'{0}' acquired here is still held on some path out of {1}, which is not [Acquires(\"{0}\")]",
            Balance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnbalancedRelease = Create(
            DiagnosticIds.UnbalancedLock,
            "Unbalanced lock acquisition or release",
            "'{0}' is released here but is not held on any path to this point, and {1} is not [Releases(\"{0}\")]",
            Balance, DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownLevel = Create(
            DiagnosticIds.UnknownLevel,
            "Unknown lock level",
            "Lock level '{0}' is not declared in any [assembly: LockHierarchy(...)]",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor EmptyLevel = Create(
            DiagnosticIds.UnknownLevel,
            "Unknown lock level",
            "A lock level name must not be empty",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor HierarchyCycle = Create(
            DiagnosticIds.HierarchyCycle,
            "Cycle in the declared lock hierarchy",
            "This hierarchy closes a cycle in the declared lock order: {0}",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor LevelDeclaredTwice = Create(
            DiagnosticIds.LevelDeclaredTwice,
            "Lock level declared twice",
            "Lock level '{0}' is listed more than once in this hierarchy",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ContradictoryAnnotations = Create(
            DiagnosticIds.ContradictoryAnnotations,
            "Contradictory lock annotations",
            "{0} is annotated both {1} and {2} for level '{3}'",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor LockOnUnlockableMember = Create(
            DiagnosticIds.LockOnUnlockableMember,
            "[Lock] on a member that cannot be locked",
            "[Lock(\"{0}\")] is on {1} of type '{2}', which is a value type and cannot be locked",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ReleaseWithoutAcquire = Create(
            DiagnosticIds.ReleaseWithoutAcquire,
            "Release of a level nothing acquires",
            "{0} is [Releases(\"{1}\")], but nothing in this compilation acquires '{1}'",
            Annotations, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor InvalidLongTermClaim = Create(
            DiagnosticIds.InvalidLongTermClaim,
            "Invalid long-term claim",
            "LongTermClaim '{0}' does not name a parameterless method of {1} that returns IDisposable",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ReceiverLevelWithoutReceiver = Create(
            DiagnosticIds.ReceiverLevelWithoutReceiver,
            "Receiver-level annotation on a method without a receiver",
            "[{0}] without a level takes the level of the object {1} is called on, but {1} is {2} and is called on no object",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor TryLockNotBool = Create(
            DiagnosticIds.TryLockNotBool,
            "Try-lock that does not return bool",
            "{0} is [Acquires(Try = true)] but returns '{1}'; a try-lock returns bool, Task<bool> or ValueTask<bool>, true where it took the lock",
            Annotations, DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor IneffectiveAnnotation = Create(
            DiagnosticIds.IneffectiveAnnotation,
            "Lock annotation that has no effect where it is written",
            "[{0}] has no effect on {1}: {2}",
            Annotations, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] customTags)
            => new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true,
                description: null, helpLinkUri: HelpLink(id), customTags: customTags);
    }
}
