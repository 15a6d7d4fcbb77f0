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

    /// <summary>
    /// FIRST_PASS=why: which mattering names the most mattering units refer to (names a call graph by name cannot
    /// tell apart are where the first pass keeps too much).
    /// </summary>
    public static void Why(Compilation compilation, Assembly assembly)
    {
        var build = assembly.GetType("LockLevels.Analyzers.Reach.LockReach", throwOnError: true)!.GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
        var reach = build.Invoke(null, new object[] { compilation, CancellationToken.None })!;
        var mattering = ((IEnumerable<string>)reach.GetType().GetProperty("MatteringNames")!.GetValue(reach)!).ToHashSet();
        var units = (System.Collections.IDictionary)reach.GetType().GetField("_units", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(reach)!;
        var counts = new Dictionary<string, int>();
        var seeds = 0;
        foreach (var unit in units.Values.Cast<object>().Distinct())
        {
            var type = unit.GetType();
            if (!(bool)type.GetProperty("Matters")!.GetValue(unit)!)
            {
                continue;
            }

            if ((bool)type.GetProperty("IsSeed")!.GetValue(unit)!)
            {
                seeds++;
            }

            var refers = (List<string>)type.GetProperty("Refers")!.GetValue(unit)!;
            foreach (var name in refers.Where(mattering.Contains).Distinct())
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        Console.WriteLine($"{seeds} seeds; {mattering.Count} mattering names; mattering units by the names they refer to:");
        foreach (var (name, count) in counts.OrderByDescending(pair => pair.Value).Take(40))
        {
            Console.WriteLine($"  {count,6}  {name}");
        }

        // The units a lock can be held in (a lock statement, a locking API's name, a possible wrapper's name), and what
        // they reach by name: the only bodies an order between two locks can be taken in.
        var all = units.Values.Cast<object>().Distinct().ToList();
        var apis = (HashSet<string>)assembly.GetType("LockLevels.Analyzers.Reach.ReachNames", true)!.GetField("LockApis")!.GetValue(null)!;
        var holderNames = new HashSet<string>(apis.SelectMany(api => new[] { api + "()", "^" + api + "()" }));
        foreach (var unit in all)
        {
            if ((bool)unit.GetType().GetProperty("MayWrap")!.GetValue(unit)!)
            {
                holderNames.UnionWith((List<string>)unit.GetType().GetProperty("Declares")!.GetValue(unit)!);
            }
        }

        var declarers = new Dictionary<string, List<object>>();
        foreach (var unit in all)
        {
            if ((bool)unit.GetType().GetProperty("Matters")!.GetValue(unit)!)
            {
                foreach (var name in (List<string>)unit.GetType().GetProperty("Declares")!.GetValue(unit)!)
                {
                    (declarers.TryGetValue(name, out var own) ? own : declarers[name] = new List<object>()).Add(unit);
                }
            }
        }

        var forward = new HashSet<object>();
        var queue = new Queue<object>();
        foreach (var unit in all)
        {
            var refers = (List<string>)unit.GetType().GetProperty("Refers")!.GetValue(unit)!;
            if ((bool)unit.GetType().GetProperty("Matters")!.GetValue(unit)! && ((bool)unit.GetType().GetProperty("IsSeed")!.GetValue(unit)! || refers.Any(holderNames.Contains)) && forward.Add(unit))
            {
                queue.Enqueue(unit);
            }
        }

        int holders = forward.Count;
        while (queue.Count > 0)
        {
            var unit = queue.Dequeue();
            foreach (var name in (List<string>)unit.GetType().GetProperty("Refers")!.GetValue(unit)!)
            {
                if (declarers.TryGetValue(name, out var callees))
                {
                    foreach (var callee in callees)
                    {
                        if (forward.Add(callee))
                        {
                            queue.Enqueue(callee);
                        }
                    }
                }
            }
        }

        Console.WriteLine($"{holders} units may hold a lock; {forward.Count} mattering units are reached from them by name");

        // Who declares the names most referred to: the units that made them matter.
        var asked = Environment.GetEnvironmentVariable("WHY_NAMES") is { Length: > 0 } list ? list.Split(',') : counts.OrderByDescending(pair => pair.Value).Take(6).Select(pair => pair.Key).ToArray();
        foreach (var name in asked)
        {
            Console.WriteLine($"declared as {name} by mattering units:");
            foreach (var unit in units.Values.Cast<object>().Distinct())
            {
                var type = unit.GetType();
                var declares = (List<string>)type.GetProperty("Declares")!.GetValue(unit)!;
                if ((bool)type.GetProperty("Matters")!.GetValue(unit)! && declares.Contains(name))
                {
                    var refers = ((List<string>)type.GetProperty("Refers")!.GetValue(unit)!).Where(mattering.Contains).Distinct().Take(12);
                    Console.WriteLine($"    {type.GetProperty("ContainingType")!.GetValue(unit)}: declares {string.Join(" ", declares)}; seed {type.GetProperty("IsSeed")!.GetValue(unit)}; refers to {string.Join(" ", refers)}");
                }
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
