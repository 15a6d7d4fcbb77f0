using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.DiagnosticDump
{
    /// <summary>
    /// DiagnosticDump --analyzers DLL --annotations DLL --source ROOT [--bench DIR]
    /// Loads every DiagnosticAnalyzer of the analyzer DLL, runs them over the golden inputs of the source
    /// tree ROOT (see <see cref="GoldenInputs"/>) and the bench sources in DIR, and prints one line per
    /// diagnostic, sorted (ordinal):
    ///   [input] path(line,col): severity ID: message | additional locations path(line,col) ...
    /// Compile errors of an input and analyzer exceptions (AD0001) are printed as lines too, so a broken
    /// input or a throwing analyzer shows up in a diff instead of passing silently.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

            string? analyzersPath = null, annotationsPath = null, sourceRoot = null, bench = null;
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
                switch (args[i])
                {
                    case "--analyzers": analyzersPath = Next(); break;
                    case "--annotations": annotationsPath = Next(); break;
                    case "--source": sourceRoot = Next(); break;
                    case "--bench": bench = Next(); break;
                    default:
                        Console.Error.WriteLine("DiagnosticDump: unknown argument " + args[i]);
                        return 2;
                }
            }

            if (analyzersPath == null || annotationsPath == null || sourceRoot == null)
            {
                Console.Error.WriteLine("usage: DiagnosticDump --analyzers DLL --annotations DLL --source ROOT [--bench DIR]");
                return 2;
            }

            var analyzers = LoadAnalyzers(Path.GetFullPath(analyzersPath));
            Console.Error.WriteLine($"DiagnosticDump: {analyzers.Length} analyzers from {analyzersPath}");
            var references = FrameworkReferences().Add(MetadataReference.CreateFromFile(Path.GetFullPath(annotationsPath)));

            var lines = new List<string>();
            int inputs = 0;
            foreach (var input in GoldenInputs.All(sourceRoot, bench, references))
            {
                int before = lines.Count;
                lines.AddRange(await DescribeAsync(input, analyzers));
                inputs++;
                if (lines.Count > before)
                {
                    Console.Error.WriteLine($"  {input.Label}: {input.Compilation.SyntaxTrees.Count()} file(s), {lines.Count - before} line(s)");
                }
            }

            Console.Error.WriteLine($"  {inputs} compilations, {lines.Count} lines");

            lines.Sort(StringComparer.Ordinal);
            var stdout = Console.Out;
            foreach (var line in lines)
            {
                stdout.Write(line);
                stdout.Write('\n');
            }

            return 0;
        }

        /// <summary>Every non-abstract DiagnosticAnalyzer of the DLL, as the tests' AnalyzerRunner creates them.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string path)
            => Assembly.LoadFrom(path).GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        private static async Task<IEnumerable<string>> DescribeAsync(GoldenInput input, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var prefix = "[" + input.Label + "] ";
            var lines = input.Compilation.GetDiagnostics()
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(diagnostic => prefix + Describe(diagnostic))
                .ToList();

            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"AD0001 {analyzer.GetType().FullName} threw {exception.GetType().FullName}: {exception.Message}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await input.Compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            lines.AddRange(diagnostics.Select(diagnostic => prefix + Describe(diagnostic)));
            lines.AddRange(exceptions.Distinct(StringComparer.Ordinal).Select(exception => prefix + exception));
            return lines;
        }

        private static string Describe(Diagnostic diagnostic)
        {
            var text = Where(diagnostic.Location) + ": " + Severity(diagnostic.Severity) + " " + diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (diagnostic.AdditionalLocations.Count > 0)
            {
                text += " | additional locations " + string.Join(" ", diagnostic.AdditionalLocations.Select(Where));
            }

            return text.Replace("\r", "\\r").Replace("\n", "\\n");
        }

        private static string Where(Location location)
        {
            if (!location.IsInSource)
            {
                return "(no location)";
            }

            var span = location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        }

        private static string Severity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        private static ImmutableArray<MetadataReference> FrameworkReferences()
        {
            var directory = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "ReferenceAssemblyDirectory").Value!;
            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
