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
            var reported = await DiagnosticsOf(Path.Combine(RepoRoot, "samples", "Netfs.Fixed"), sharedFrom: Path.Combine(RepoRoot, "samples", "Netfs"));

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
                && line.EndsWith("→ InvalidateLock (VfsWrite: ReadWrite.GenericPerformWrite → … 3 calls … → Filemap.FilemapFault → AddressSpace.InvalidateLock.EnterReadLock)", StringComparison.Ordinal));
        }

        private static string[] SourcesOf(string directory)
            => Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
                .ToArray();

        /// <summary>
        /// Every LockLevels diagnostic of the sample, sorted, as "{path}({line},{column}): {severity} {id}: {message}".
        /// A sample that shares sources (Netfs.Fixed compiles Netfs's files but for the ones it replaces) names
        /// the directory it shares them from.
        /// </summary>
        private static async Task<ImmutableArray<string>> DiagnosticsOf(string sampleDirectory, string? sharedFrom = null)
        {
            var own = SourcesOf(sampleDirectory);
            var shared = sharedFrom == null ? Array.Empty<string>() : SourcesOf(sharedFrom).Where(path => !own.Contains(path)).ToArray();
            var trees = own.Select(path => (fullPath: Path.Combine(sampleDirectory, path), relative: path))
                .Concat(shared.Select(path => (fullPath: Path.Combine(sharedFrom!, path), relative: path)))
                .OrderBy(file => file.relative, StringComparer.Ordinal)
                .Select(file => CSharpSyntaxTree.ParseText(
                    File.ReadAllText(file.fullPath),
                    new CSharpParseOptions(LanguageVersion.Latest),
                    file.relative));
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
