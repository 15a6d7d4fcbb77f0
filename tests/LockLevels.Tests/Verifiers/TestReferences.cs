using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using LockLevels;
using Microsoft.CodeAnalysis;

namespace LockLevels.Tests.Verifiers
{
    /// <summary>
    /// The references every test compilation gets: the SDK's own .NET reference assemblies
    /// (no package download at test time) and the LockLevels annotations.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

        public static ImmutableArray<MetadataReference> Framework => All.Value;

        public static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(typeof(AcquiresAttribute).Assembly.Location);

        private static ImmutableArray<MetadataReference> Load()
        {
            var directory = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ReferenceAssemblyDirectory").Value!;
            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
