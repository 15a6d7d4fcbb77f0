using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    internal sealed class AcquisitionSite
    {
        public AcquisitionSite(Location location, bool escapes, bool inferred, string? receiver)
        {
            Location = location;
            Escapes = escapes;
            Inferred = inferred;
            Receiver = receiver;
        }

        public Location Location { get; }

        /// <summary>An unannotated lock: its balance is not checked (no annotation promised it).</summary>
        public bool Inferred { get; }

        public string? Receiver { get; }

        /// <summary>The scope the acquisition returned leaves the method: its owner, not this method, releases it.</summary>
        public bool Escapes { get; }
    }
}
