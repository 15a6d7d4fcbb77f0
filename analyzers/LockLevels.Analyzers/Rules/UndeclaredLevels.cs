namespace LockLevels.Analyzers.Rules
{
    /// <summary>Properties of an LL0007 diagnostic: the levels to declare, comma-separated, by kind of acquisition.</summary>
    public static class UndeclaredLevels
    {
        public const string Exclusive = "ExclusiveLevels";

        public const string Shared = "SharedLevels";
    }
}
