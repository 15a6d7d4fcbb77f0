using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

// dotnet run -c Release --project eng/InProcessCost -- PROJECT TFM RUNS ANALYZER.dll [ANALYZER.dll ...]
// (FIRST_PASS=1 times LockLevels' first pass alone against a walk of every node; FIRST_PASS=why, with the first DLL, lists
// the names that make the most units matter and, for WHY_NAMES=a,b or the top six, the mattering units declaring them: FirstPassCost.cs.)
// (PROJECT_ANALYZERS=1 runs the project's own analyzers in every measurement, below.)
// (LANGVERSION=14.0 in the environment sets the project's LangVersion, as eng/evaluation-repos.txt does.)
MSBuildLocator.RegisterDefaults();
await InProcessCost.RunAsync(args);

internal static class InProcessCost
{
    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: InProcessCost PROJECT TFM RUNS ANALYZER.dll [ANALYZER.dll ...]");
            Environment.Exit(2);
        }

        var properties = new Dictionary<string, string> { ["TargetFramework"] = args[1] };
        if (Environment.GetEnvironmentVariable("LANGVERSION") is { Length: > 0 } langVersion)
        {
            properties["LangVersion"] = langVersion;
        }

        using var workspace = MSBuildWorkspace.Create(properties);
        var project = await workspace.OpenProjectAsync(args[0]);
        var loaded = await project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        int runs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        if (Environment.GetEnvironmentVariable("FIRST_PASS") == "why")
        {
            FirstPassCost.Why(loaded, LoadAssembly(args[3]));
            return;
        }

        if (Environment.GetEnvironmentVariable("FIRST_PASS") == "1")
        {
            FirstPassCost.Run(loaded, runs, args.Skip(3).Select(dll => (Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dll)))!, LoadAssembly(dll))).ToList());
            return;
        }

        var sets = args.Skip(3).Select(dll => (Name: Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dll)))!, Analyzers: Load(dll))).ToList();

        // PROJECT_ANALYZERS=1: the project's own analyzers (the SDK's, ILLink's, its packages') run in every
        // measurement, as in a build, so binding that they share with LockLevels is paid once and what
        // LockLevels adds is what a build pays for it.
        var own = Environment.GetEnvironmentVariable("PROJECT_ANALYZERS") == "1"
            ? project.AnalyzerReferences.SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray()
            : ImmutableArray<DiagnosticAnalyzer>.Empty;
        for (int run = 0; run < runs; run++)
        {
            if (own.IsEmpty)
            {
                Measure(run, "compile", () => Fresh(loaded).GetDiagnostics().Length);
            }
            else
            {
                var alone = Fresh(loaded).WithAnalyzers(own, Options(project));
                Measure(run, "project analyzers", () => alone.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length);
            }

            // Alternate the order so that neither DLL always runs right after the compile alone.
            var order = run % 2 == 0 ? sets : Enumerable.Reverse(sets).ToList();
            foreach (var (name, analyzers) in order)
            {
                var withAnalyzers = Fresh(loaded).WithAnalyzers(own.AddRange(analyzers), Options(project));
                Measure(run, name, () => withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult().Count(d => d.Id.StartsWith("LL", StringComparison.Ordinal)));
            }
        }
    }

    private static CompilationWithAnalyzersOptions Options(Project project)
        => new(project.AnalyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

    private static void Measure(int run, string name, Func<int> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        int diagnostics = work();
        process.Refresh();
        Console.WriteLine($"run {run} {name}: wall {wall.ElapsedMilliseconds} ms, CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, "
            + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) >> 20} MB allocated, {diagnostics} diagnostics");
    }

    /// <summary>The same parsed trees in a new compilation: nothing bound yet.</summary>
    private static Compilation Fresh(Compilation compilation) => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);

    /// <summary>Each DLL in a load context of its own, so two builds of LockLevels can be compared in one process.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> Load(string dll)
    {
        var assembly = LoadAssembly(dll);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            {
                analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
        }

        return analyzers.ToImmutable();
    }

    private static Assembly LoadAssembly(string dll)
    {
        var context = new AssemblyLoadContext(dll);
        context.Resolving += (_, name) => name.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ? AssemblyLoadContext.Default.LoadFromAssemblyName(name) : null;
        return context.LoadFromAssemblyPath(Path.GetFullPath(dll));
    }
}
