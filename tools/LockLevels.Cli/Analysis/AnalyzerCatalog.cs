using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Cli.Analysis
{
    /// <summary>
    /// The analyzers the LockLevels package ships, found by reflection in LockLevels.Analyzers.dll (the
    /// same assembly the package puts under analyzers/dotnet/cs), so the command line reports exactly
    /// what a build does.
    /// </summary>
    internal static class AnalyzerCatalog
    {
        public static Assembly AnalyzerAssembly { get; } = typeof(LockLevels.Analyzers.DiagnosticIds).Assembly;

        /// <summary>The names of LockLevels' own analyzer assemblies: a project's references to them are dropped so nothing is reported twice.</summary>
        public static ImmutableArray<string> OwnAssemblyNames { get; } = ImmutableArray.Create("LockLevels.Analyzers", "LockLevels.CodeFixes");

        /// <summary>Every concrete analyzer with a parameterless constructor, in a stable order, but for <paramref name="except"/>.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create(Type? except = null)
            => AnalyzerAssembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type != except
                    && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0
                    && type.GetConstructor(Type.EmptyTypes) != null)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        /// <summary>Whether an analyzer reference of a project is LockLevels itself (from the package or a ProjectReference).</summary>
        public static bool IsOwn(AnalyzerReference reference)
        {
            string? name = reference.Display;
            if (reference is AnalyzerFileReference file)
            {
                name = System.IO.Path.GetFileNameWithoutExtension(file.FullPath);
            }

            return name != null && OwnAssemblyNames.Contains(name, StringComparer.OrdinalIgnoreCase);
        }
    }
}
