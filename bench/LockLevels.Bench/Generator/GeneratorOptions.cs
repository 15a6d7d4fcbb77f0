namespace LockLevels.Bench
{
    /// <summary>The shape of a synthetic codebase. Same options and seed, same sources, byte for byte.</summary>
    public sealed class GeneratorOptions
    {
        /// <summary>Methods with bodies in the generated types (the shared core and per-subsystem files add a few more).</summary>
        public int Methods { get; init; } = 1000;

        /// <summary>Methods per type (N types = Methods / MethodsPerType); one type per file.</summary>
        public int MethodsPerType { get; init; } = 10;

        /// <summary>Types per subsystem: each subsystem has its own abstract base and interface, implemented and called inside it.</summary>
        public int TypesPerSubsystem { get; init; } = 50;

        /// <summary>Longest intended call chain: a method at depth d calls methods at depth d - 1, across types.</summary>
        public int CallDepth { get; init; } = 6;

        /// <summary>Fraction of methods whose bodies touch locks (lock, Monitor, SemaphoreSlim, annotated calls, deep-context calls).</summary>
        public double LockDensity { get; init; } = 0.10;

        /// <summary>Fraction of lock-touching methods with a planted bug (LL0001, LL0003, LL0005 or LL0006).</summary>
        public double InversionRate { get; init; } = 0.02;

        public int Seed { get; init; } = 20261125;

        /// <summary>Without LockLevels' annotations (<see cref="Unannotated"/>): unannotated code, as real libraries are.</summary>
        public bool Unannotated { get; init; }

        /// <summary>Dense (today's: locks everywhere, every call may reach one) or sparse (real code: see <see cref="CodebaseShape.Sparse"/>).</summary>
        public CodebaseShape Shape { get; init; } = CodebaseShape.Dense;

        /// <summary>The lock density a shape is measured with unless one is given.</summary>
        public static double DefaultDensity(CodebaseShape shape) => shape == CodebaseShape.Sparse ? 0.015 : 0.10;

        public override string ToString()
            => $"shape={Shape.ToString().ToLowerInvariant()} methods={Methods} per-type={MethodsPerType} per-subsystem={TypesPerSubsystem} depth={CallDepth} density={LockDensity:0.###} inversions={InversionRate:0.###} seed={Seed}{(Unannotated ? " unannotated" : "")}";
    }

    public enum CodebaseShape
    {
        /// <summary>10% of methods touch locks and any call may reach one: the analyzer's worst case.</summary>
        Dense,

        /// <summary>
        /// Real code (issue 12): 1.5% of methods touch locks, 97% of plain methods' calls go to
        /// callees that reach none, method names are their type's own (verb, noun, type index) and each
        /// subsystem's virtual members have names of their own.
        /// </summary>
        Sparse,
    }
}
