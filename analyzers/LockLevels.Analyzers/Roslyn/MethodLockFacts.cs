using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>A diagnostic one method's analysis found, waiting for the rule that owns it to report it.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor descriptor, Location location, ImmutableArray<Location> additionalLocations, object[] arguments)
        {
            Descriptor = descriptor;
            Location = location;
            AdditionalLocations = additionalLocations;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public ImmutableArray<Location> AdditionalLocations { get; }

        public object[] Arguments { get; }

        public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, AdditionalLocations, Arguments);
    }

    /// <summary>What the analysis of one body found, for every rule that reads it.</summary>
    internal sealed class MethodLockFacts
    {
        public static readonly MethodLockFacts Empty = new MethodLockFacts(ImmutableArray<Finding>.Empty);

        public MethodLockFacts(ImmutableArray<Finding> findings) => Findings = findings;

        public ImmutableArray<Finding> Findings { get; }
    }
}
