using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Export;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Rules;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers
{
    /// <summary>
    /// The held-lock analysis: per-body facts from the flow over each control flow graph, the body
    /// rules over them as each body is analysed, and at compilation end the whole-program facts
    /// (summaries, the dependency graph) and the rules over those. One analyzer owns all of it, so every
    /// rule sees the same bodies; its whole-program state lives in its compilation-start closure.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockFlowAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<IBodyRule> BodyRules = ImmutableArray.Create<IBodyRule>(
            new LockOrderInversionRule(), new DeepContextRule(), new UnbalancedLockRule(), new DeepContextCallRule(), new UndeclaredAcquisitionRule());

        private static readonly ImmutableArray<IProgramRule> ProgramRules = ImmutableArray.Create<IProgramRule>(
            new CallChainRule(), new CircularDependencyRule(), new UnannotatedLockOrderRule(), new NonReentrantReacquiredRule(), new NestedLockClassRule(),
            new ThreadAffineAwaitRule());

        private readonly Action<Compilation, LockGraph>? _onGraph;

        public LockFlowAnalyzer()
        {
        }

        /// <summary>An analyzer that also hands each compilation's lock graph to <paramref name="onGraph"/> at compilation end (for tools).</summary>
        public LockFlowAnalyzer(Action<Compilation, LockGraph> onGraph) => _onGraph = onGraph;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            var index = CompilationIndex.For(start.Compilation, start.Options);
            bool annotated = index.Symbols.HasAnnotations;
            if (!annotated && !index.InferUnannotated)
            {
                return;
            }

            int maxInferredChain = CompilationIndex.ReadMaxChainLength(start.Compilation, start.Options);
            var analysis = new BodyAnalysis(index);
            var program = new ConcurrentQueue<BodyFacts>();
            start.RegisterOperationBlockAction(block =>
            {
                IOperation? previousRoot = null;
                foreach (var operation in block.OperationBlocks)
                {
                    // Blocks may be nested in the body operation that owns the graph (a method body
                    // holds its block); analyse from that root, once.
                    var root = operation;
                    while (root.Parent != null)
                    {
                        root = root.Parent;
                    }

                    if (root == previousRoot || !HasControlFlowGraph(root))
                    {
                        continue;
                    }

                    previousRoot = root;
                    var bodies = analysis.Analyze(root, block.OwningSymbol, _ => block.GetControlFlowGraph(operation), block.CancellationToken);
                    foreach (var body in bodies)
                    {
                        program.Enqueue(body);
                    }

                    if (annotated)
                    {
                        foreach (var rule in BodyRules)
                        {
                            rule.Report(bodies, index, block.ReportDiagnostic);
                        }
                    }
                }
            });

            start.RegisterCompilationEndAction(end =>
            {
                var facts = ProgramAnalysis.Run(index, program, maxInferredChain, end.CancellationToken);
                foreach (var rule in ProgramRules)
                {
                    if (rule.AppliesTo(index))
                    {
                        rule.Report(facts, index, end.ReportDiagnostic);
                    }
                }

                _onGraph?.Invoke(end.Compilation, GraphExport.Build(facts, index));
            });
        }

        private static bool HasControlFlowGraph(IOperation root)
            => root is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation;

        private static ImmutableArray<DiagnosticDescriptor> Supported()
        {
            var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var rule in BodyRules)
            {
                descriptors.AddRange(rule.SupportedDiagnostics);
            }

            foreach (var rule in ProgramRules)
            {
                descriptors.AddRange(rule.SupportedDiagnostics);
            }

            return descriptors.ToImmutable();
        }
    }
}
