using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>Collects findings once each, in the order they are found.</summary>
    internal sealed class FindingSink
    {
        private readonly HashSet<(string, Location)> _seen = new();
        private readonly ImmutableArray<Finding>.Builder _findings = ImmutableArray.CreateBuilder<Finding>();

        public ImmutableArray<MethodRecord>.Builder Records { get; } = ImmutableArray.CreateBuilder<MethodRecord>();

        public void Add(Finding finding)
        {
            if (_seen.Add((finding.Descriptor.Id, finding.Location)))
            {
                _findings.Add(finding);
            }
        }

        public ImmutableArray<Finding> ToImmutable() => _findings.ToImmutable();
    }
}
