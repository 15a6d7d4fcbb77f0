using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LockLevels.Analyzers;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockLevels.Tests.Packaging
{
    /// <summary>
    /// Every descriptor (each static DiagnosticDescriptor field of <see cref="Descriptors"/>) is documented
    /// where a user looks for it: docs/rules/ID.md, a help link that opens an existing file of this
    /// repository, a release-tracking line with its category and severity, and a row in README.md's rule table.
    /// </summary>
    public class DescriptorDocsTests
    {
        /// <summary>Where the help links point: this repository's main branch (HelpRoot in Descriptors.cs).</summary>
        private const string RepositoryBlobRoot = "https://github.com/locklevels/locklevels/blob/main/";

        private static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ByField = typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(field => field.Name, field => (DiagnosticDescriptor)field.GetValue(null)!, StringComparer.Ordinal);

        public static IEnumerable<object[]> Fields() => ByField.Keys.OrderBy(name => name, StringComparer.Ordinal).Select(name => new object[] { name });

        [Fact]
        public void EveryRuleId_HasADescriptor()
        {
            var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral)
                .Select(field => (string)field.GetRawConstantValue()!)
                .ToArray();
            Assert.True(ids.Length >= 15, $"only {ids.Length} rule IDs found");
            Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ByField.Values.Select(descriptor => descriptor.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Fields))]
        public void Descriptor_HasARulePage(string field)
        {
            var id = ByField[field].Id;
            Assert.True(File.Exists(RepositoryPaths.Of($"docs/rules/{id}.md")), $"docs/rules/{id}.md is missing ({field})");
        }

        [Theory]
        [MemberData(nameof(Fields))]
        public void Descriptor_HelpLinkOpensAFileOfTheRepository(string field)
        {
            var descriptor = ByField[field];
            Assert.StartsWith(RepositoryBlobRoot, descriptor.HelpLinkUri, StringComparison.Ordinal);
            var target = descriptor.HelpLinkUri.Substring(RepositoryBlobRoot.Length);
            Assert.Equal($"docs/rules/{descriptor.Id}.md", target);
            Assert.True(File.Exists(RepositoryPaths.Of(target)), $"the help link of {field} points at {target}, which does not exist");
        }

        [Theory]
        [MemberData(nameof(Fields))]
        public void Descriptor_HasAReleaseTrackingLine(string field)
        {
            var descriptor = ByField[field];
            var lines = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
                .SelectMany(file => File.ReadAllLines(RepositoryPaths.Of("analyzers/LockLevels.Analyzers/" + file)))
                .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
                .Where(cells => cells.Length >= 3 && cells[0] == descriptor.Id)
                .ToArray();
            var line = Assert.Single(lines);
            Assert.Equal(descriptor.Category, line[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), line[2]);
        }

        [Theory]
        [MemberData(nameof(Fields))]
        public void Descriptor_HasAReadmeRow(string field)
        {
            var descriptor = ByField[field];
            var row = $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} |";
            Assert.Single(File.ReadAllLines(RepositoryPaths.Of("README.md")), line => line.StartsWith(row, StringComparison.Ordinal));
        }
    }
}
