using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>Source order, so whole-compilation results never depend on thread timing.</summary>
    internal static class Locations
    {
        public static int Compare(Location a, Location b)
        {
            int byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath != 0 ? byPath : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }

        /// <summary>Diagnostics by location, then message.</summary>
        public static List<Diagnostic> Sorted(List<Diagnostic> diagnostics)
        {
            diagnostics.Sort((a, b) =>
            {
                int byLocation = Compare(a.Location, b.Location);
                return byLocation != 0 ? byLocation : string.CompareOrdinal(a.GetMessage(), b.GetMessage());
            });
            return diagnostics;
        }
    }
}
