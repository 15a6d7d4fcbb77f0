using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Bench
{
    /// <summary>
    /// --breakdown: where LockLevels' cost above the compiler goes. Compile + each analyzer set on fresh
    /// compilations, the sets in turn within each run (runs interleave), CPU and allocations above compile.
    /// </summary>
    public static class Breakdown
    {
        public static async Task RunAsync(GeneratorOptions generatorOptions, int repeat, Action<string> log)
        {
            var codebase = CodebaseGenerator.Generate(generatorOptions);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = codebase.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path)).ToImmutableArray();
            var sets = new (string Name, Func<ImmutableArray<DiagnosticAnalyzer>> Analyzers)[]
            {
                ("no-op code-block analyzer", () => ImmutableArray.Create<DiagnosticAnalyzer>(new CodeBlockFloorAnalyzer())),
                ("no-op operation-block analyzer", () => ImmutableArray.Create<DiagnosticAnalyzer>(new OperationFloorAnalyzer())),
                ("LockFlowAnalyzer, first pass on", () => ImmutableArray.Create<DiagnosticAnalyzer>(new LockFlowAnalyzer())),
                ("LockFlowAnalyzer, first pass off", () => ImmutableArray.Create<DiagnosticAnalyzer>(new LockFlowAnalyzer(firstPass: false))),
                ("the LL09xx annotation analyzers", () => Harness.CreateAnalyzers().Where(a => a is not LockFlowAnalyzer).ToImmutableArray()),
                ("all LockLevels analyzers, first pass on", () => Harness.CreateAnalyzers()),
            };
            var above = sets.ToDictionary(set => set.Name, _ => new List<(double Cpu, double Mb)>());
            for (int run = 0; run < repeat; run++)
            {
                var (compile, _) = Harness.Time(() => Harness.Compile(trees).GetDiagnostics());
                log($"{codebase.Methods} methods run {run + 1}: compile {Harness.Describe(compile)}");
                foreach (var (name, analyzers) in sets)
                {
                    var withAnalyzers = Harness.Compile(trees).WithAnalyzers(analyzers(), new CompilationWithAnalyzersOptions(
                        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                    var (m, _) = await Harness.TimeAsync(() => withAnalyzers.GetAllDiagnosticsAsync());
                    above[name].Add((m.CpuMs - compile.CpuMs, Harness.Mb(m.Bytes - compile.Bytes)));
                    log($"  + {name}: {Harness.Describe(m)}; above compile CPU {m.CpuMs - compile.CpuMs:0} ms ({100 * (m.CpuMs - compile.CpuMs) / compile.CpuMs:0.0}%), {Harness.Mb(m.Bytes - compile.Bytes):0} MB ({100.0 * (m.Bytes - compile.Bytes) / compile.Bytes:0.0}%)");
                }
            }

            foreach (var (name, _) in sets)
            {
                var cpu = above[name].Select(x => x.Cpu).OrderBy(x => x).ToList();
                var mb = above[name].Select(x => x.Mb).OrderBy(x => x).ToList();
                log($"median above compile, {name}: CPU {cpu[cpu.Count / 2]:0} ms, {mb[mb.Count / 2]:0} MB");
            }
        }
    }
}
