using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// FIRST_PASS=1: LockLevels' first pass (LockReach.Build) alone, on trees parsed afresh for every
/// measurement (so no red node is made yet, as at the start of a build), next to a plain walk of every
/// node of the same fresh trees: the floor any syntax pass pays for making the nodes it reads.
/// </summary>
internal static class FirstPassCost
{
    public static void Run(Compilation loaded, int runs, IReadOnlyList<(string Name, Assembly Assembly)> sets)
    {
        var builds = sets.Select(set => (set.Name, Build: set.Assembly.GetType("LockLevels.Analyzers.Reach.LockReach", throwOnError: true)!
            .GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!)).ToList();
        for (int run = 0; run < runs; run++)
        {
            Measure(run, "walk every node", Reparsed(loaded), compilation =>
            {
                long nodes = 0;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var _ in tree.GetRoot().DescendantNodes())
                    {
                        nodes++;
                    }
                }

                return $"{nodes} nodes";
            });
            var order = run % 2 == 0 ? builds : Enumerable.Reverse(builds).ToList();
            foreach (var (name, build) in order)
            {
                Measure(run, name, Reparsed(loaded), compilation =>
                {
                    var reach = build.Invoke(null, new object[] { compilation, CancellationToken.None })!;
                    var type = reach.GetType();
                    return $"{type.GetProperty("MatteringCount")!.GetValue(reach)} of {type.GetProperty("UnitCount")!.GetValue(reach)} units matter";
                });
            }
        }
    }

    private static Compilation Reparsed(Compilation compilation)
        => compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(tree
            => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath)));

    private static void Measure(int run, string name, Compilation compilation, Func<Compilation, string> work)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        string result = work(compilation);
        process.Refresh();
        Console.WriteLine($"run {run} {name}: wall {wall.ElapsedMilliseconds} ms, CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, "
            + $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) >> 20} MB allocated, {result}");
    }
}
