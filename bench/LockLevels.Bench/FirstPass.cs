using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockLevels.Bench
{
    /// <summary>--first-pass-only: the first pass of issue 12 on its own, beside a bare syntax walk.</summary>
    public static class FirstPass
    {
        /// <summary>The first pass alone on one generated codebase: time and allocations per run, and the share it keeps.</summary>
        public static void Run(GeneratorOptions generatorOptions, int repeat, Action<string> log)
        {
            var codebase = CodebaseGenerator.Generate(generatorOptions);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = codebase.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path)).ToImmutableArray();
            var compilation = Harness.Compile(trees);
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            for (int run = 0; run < repeat; run++)
            {
                // The floor of any syntax walk: every node of every tree visited, nothing done with it.
                var (walk, nodes) = Harness.Time(() =>
                {
                    long count = 0;
                    System.Threading.Tasks.Parallel.ForEach(trees, tree =>
                    {
                        long local = 0;
                        foreach (var node in tree.GetRoot().DescendantNodes())
                        {
                            local++;
                        }

                        System.Threading.Interlocked.Add(ref count, local);
                    });
                    return count;
                });
                log($"{generatorOptions.Shape} {codebase.Methods} methods, bare syntax walk run {run + 1}: {Harness.Describe(walk)}; {nodes} nodes");
                var (m, reach) = Harness.Time(() => LockLevels.Analyzers.Reach.LockReach.Build(compilation, default));
                log($"{generatorOptions.Shape} {codebase.Methods} methods, first pass run {run + 1}: {Harness.Describe(m)}; {reach.MatteringCount} of {reach.UnitCount} units may matter ({100.0 * reach.MatteringCount / reach.UnitCount:0.0}%)");
                if (run == 0)
                {
                    log("  names that make a body matter: " + reach.MatteringNames.Count + "; pseudo-names among them: " + string.Join(" ", reach.MatteringNames.Where(n => n.StartsWith('<') || n == "this[]")));
                }
            }
        }
    }
}
