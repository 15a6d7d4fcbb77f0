using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using LockLevels;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace NetfsTests
{
    /// <summary>
    /// What LockLevels reports on the samples, compiled in-process from their sources with every LockLevels
    /// analyzer, in the form MSBuild prints (path relative to the sample, line, column, severity, ID,
    /// message). eng/run-sample.sh --check compares the packed build's output with the same file.
    /// </summary>
    public class SampleDiagnosticsTests
    {
        private static readonly string RepoRoot = typeof(SampleDiagnosticsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepoRoot").Value!;

        [Fact]
        public async Task Netfs_ReportsExactlyTheExpectedDiagnostics()
        {
            var sample = Path.Combine(RepoRoot, "samples", "Netfs");
            var expected = File.ReadAllLines(Path.Combine(sample, "expected-diagnostics.txt"))
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .ToList();

            var reported = await DiagnosticsOf(sample);

            Assert.Equal(expected, reported);
        }

        [Fact]
        public async Task NetfsFixed_ReportsNothing()
        {
            var reported = await DiagnosticsOf(Path.Combine(RepoRoot, "samples", "Netfs.Fixed"));

            Assert.Empty(reported);
        }

        [Fact]
        public async Task Netfs_ReportsTheInversionsAtTheCacheAndBothScenariosCycles()
        {
            var reported = await DiagnosticsOf(Path.Combine(RepoRoot, "samples", "Netfs"));

            Assert.Equal(2, reported.Count(line => line.StartsWith("Cachefiles/CachefilesCache.cs(", StringComparison.Ordinal) && line.Contains(": warning LL0002: 'SbWriters' is acquired while 'FolioLock' is held", StringComparison.Ordinal)));
            Assert.Contains(reported, line => line.Contains("LL0004: possible circular locking dependency: MmapLock → SbWriters (ReadFolio: ", StringComparison.Ordinal)
                && line.EndsWith("→ MmapLock (VfsWrite: ReadWrite.GenericPerformWrite → Iov.FaultInReadable (MmapLock))", StringComparison.Ordinal));
            Assert.Contains(reported, line => line.Contains("LL0004: possible circular locking dependency: InvalidateLock → SbWriters (WritePages: ", StringComparison.Ordinal)
                && line.EndsWith("→ InvalidateLock (FilemapFault: AddressSpace.InvalidateLock.EnterReadLock)", StringComparison.Ordinal));
        }

        /// <summary>Every LockLevels diagnostic of the sample, sorted, as "{path}({line},{column}): {severity} {id}: {message}".</summary>
        private static async Task<ImmutableArray<string>> DiagnosticsOf(string sampleDirectory)
        {
            var trees = Directory.GetFiles(sampleDirectory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(sampleDirectory, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => CSharpSyntaxTree.ParseText(
                    File.ReadAllText(Path.Combine(sampleDirectory, path)),
                    new CSharpParseOptions(LanguageVersion.Latest),
                    path));
            var compilation = CSharpCompilation.Create(
                Path.GetFileName(sampleDirectory),
                trees,
                FrameworkReferences().Add(MetadataReference.CreateFromFile(typeof(AcquiresAttribute).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            var analyzers = typeof(LockLevels.Analyzers.DiagnosticIds).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();
            var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .Select(diagnostic =>
                {
                    var span = diagnostic.Location.GetLineSpan();
                    var severity = diagnostic.Severity switch
                    {
                        DiagnosticSeverity.Error => "error",
                        DiagnosticSeverity.Warning => "warning",
                        DiagnosticSeverity.Info => "info",
                        _ => "hidden",
                    };
                    return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
                })
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> FrameworkReferences()
        {
            var directory = typeof(SampleDiagnosticsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ReferenceAssemblyDirectory").Value!;
            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
