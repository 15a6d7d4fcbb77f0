namespace LockLevels.Analyzers
{
    /// <summary>Every rule ID LockLevels reports. IDs are stable: never renumber or reuse one.</summary>
    public static class DiagnosticIds
    {
        public const string LockOrderInversion = "LL0001";
        public const string OuterLevelInDeepContext = "LL0002";
        public const string CallAcquiresOuterLevel = "LL0003";
        public const string CircularLockDependency = "LL0004";
        public const string UnbalancedLock = "LL0005";
        public const string DeepContextCalledWithoutLocks = "LL0006";
        public const string UndeclaredAcquisition = "LL0007";
        public const string ThreadAffineLockAcrossAwait = "LL0008";
        public const string NonReentrantReacquired = "LL0009";
        public const string LockClassNestedOnTwoObjects = "LL0010";
        public const string NotHeldReached = "LL0011";
        public const string UnannotatedLockOrderInversion = "LL0100";

        public const string UnknownLevel = "LL0900";
        public const string HierarchyCycle = "LL0901";
        public const string LevelDeclaredTwice = "LL0902";
        public const string ContradictoryAnnotations = "LL0903";
        public const string LockOnUnlockableMember = "LL0904";
        public const string ReleaseWithoutAcquire = "LL0905";
        public const string InvalidLongTermClaim = "LL0906";
        public const string ReceiverLevelWithoutReceiver = "LL0907";
        public const string TryLockNotBool = "LL0908";
        public const string IneffectiveAnnotation = "LL0909";
    }
}
