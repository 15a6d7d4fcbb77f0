using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>A diagnostic one method's analysis found, waiting for the rule that owns it to report it.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor descriptor, Location location, ImmutableArray<Location> additionalLocations, object[] arguments, ImmutableDictionary<string, string?>? properties = null)
        {
            Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
            Descriptor = descriptor;
            Location = location;
            AdditionalLocations = additionalLocations;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location Location { get; }

        public ImmutableArray<Location> AdditionalLocations { get; }

        public object[] Arguments { get; }

        /// <summary>What a code fix needs to know (see <see cref="ClaimProperties"/>).</summary>
        public ImmutableDictionary<string, string?> Properties { get; }

        public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, AdditionalLocations, Properties, Arguments);
    }

    /// <summary>What the analysis of one body found, for every rule that reads it.</summary>
    internal sealed class MethodLockFacts
    {
        public static readonly MethodLockFacts Empty = new MethodLockFacts(ImmutableArray<Finding>.Empty, ImmutableArray<MethodRecord>.Empty);

        public MethodLockFacts(ImmutableArray<Finding> findings, ImmutableArray<MethodRecord> records)
        {
            Findings = findings;
            Records = records;
        }

        public ImmutableArray<Finding> Findings { get; }

        /// <summary>The body's contribution to summaries and the dependency graph (lambdas and local functions apart).</summary>
        public ImmutableArray<MethodRecord> Records { get; }
    }
}
