using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>The generated sources and what went into them.</summary>
    public sealed class GeneratedCodebase
    {
        public required IReadOnlyList<(string Path, string Text)> Files { get; init; }

        /// <summary>Methods with bodies in generated types (not counting the shared core and subsystem files).</summary>
        public int Methods { get; init; }

        /// <summary>Of those, the ones whose bodies touch locks.</summary>
        public int LockMethods { get; init; }

        public int Types { get; init; }

        public int Subsystems { get; init; }

        public int Lines { get; init; }

        public int Lambdas { get; init; }

        public int LocalFunctions { get; init; }

        /// <summary>The largest strongly connected component of the call graph (virtual calls joined to every override), in methods.</summary>
        public int LargestCycle { get; init; }

        /// <summary>Methods that sit in some call cycle of more than one method.</summary>
        public int MethodsInCycles { get; init; }

        /// <summary>Planted bugs by the rule meant to catch them (LL0004 cycles follow from the inversions).</summary>
        public required IReadOnlyDictionary<string, int> Planted { get; init; }
    }
}
