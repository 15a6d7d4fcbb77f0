using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Export;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.Reach;
using LockLevels.Analyzers.Rules;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
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
            new ThreadAffineAwaitRule(), new NotHeldRule());

        private readonly Action<Compilation, LockGraph>? _onGraph;
        private readonly bool _firstPass = true;

        public LockFlowAnalyzer()
        {
        }

        /// <summary>An analyzer that also hands each compilation's lock graph to <paramref name="onGraph"/> at compilation end (for tools).</summary>
        public LockFlowAnalyzer(Action<Compilation, LockGraph> onGraph) => _onGraph = onGraph;

        /// <summary>
        /// For tests and the bench: with <paramref name="firstPass"/> false, every body's operations are
        /// analysed (an operation-block action, as before issue 12); the diagnostics must be the same.
        /// </summary>
        internal LockFlowAnalyzer(bool firstPass, Action<Compilation, LockGraph>? onGraph = null)
        {
            _firstPass = firstPass;
            _onGraph = onGraph;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Supported();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            var compilation = start.Compilation;
            var options = start.Options;
            bool annotated = AnnotationPresence.MayExist(compilation) && CompilationIndex.For(compilation, options).Symbols.HasAnnotations;
            if (!annotated && !CompilationIndex.ReadInferUnannotated(compilation, options))
            {
                return;
            }

            int maxInferredChain = CompilationIndex.ReadMaxChainLength(compilation, options);
            var program = new ConcurrentQueue<BodyFacts>();
            var reach = _firstPass ? ReachCache.For(compilation, start.CancellationToken) : null;

            // Built when the first body is read, not here: by then the compiler has bound the references and
            // merged the namespaces that the index's lookups need, work a lookup here would do for it.
            var state = new Lazy<(CompilationIndex Index, BodyAnalysis Analysis)>(() =>
            {
                var index = CompilationIndex.For(compilation, options);
                return (index, new BodyAnalysis(index, new WrapperEffects(compilation, index, reach)));
            }, LazyThreadSafetyMode.ExecutionAndPublication);

            void Analyze(IOperation root, ISymbol owner, Func<IOperation, ControlFlowGraph?> getGraph, Action<Diagnostic> report, CancellationToken cancellationToken)
            {
                var (index, analysis) = state.Value;
                var bodies = analysis.Analyze(root, owner, getGraph, cancellationToken);
                foreach (var body in bodies)
                {
                    program.Enqueue(body);
                }

                if (annotated)
                {
                    foreach (var rule in BodyRules)
                    {
                        rule.Report(bodies, index, report);
                    }
                }
            }

            if (_firstPass)
            {
                // Only the bodies that may touch or reach a lock, or hold a fact the whole program
                // reads, get operations; the rest cost the first pass's one syntax walk. One action per
                // tree, not per declaration: a code-block action makes the driver do work for every
                // declaration of the compilation, which is most of what LockLevels would cost there.
                start.RegisterSemanticModelAction(tree => AnalyzeTree(tree, reach!, Analyze));
            }
            else
            {
                start.RegisterOperationBlockAction(block =>
                {
                    IOperation? previousRoot = null;
                    foreach (var operation in block.OperationBlocks)
                    {
                        var root = BodyRoots.RootOf(operation);
                        if (root != previousRoot && BodyRoots.HasControlFlowGraph(root))
                        {
                            previousRoot = root;
                            Analyze(root, block.OwningSymbol, _ => block.GetControlFlowGraph(operation), block.ReportDiagnostic, block.CancellationToken);
                        }
                    }
                });
            }

            start.RegisterCompilationEndAction(end =>
            {
                var index = state.Value.Index;
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

        private delegate void RootAnalysis(IOperation root, ISymbol owner, Func<IOperation, ControlFlowGraph?> getGraph, Action<Diagnostic> report, CancellationToken cancellationToken);

        /// <summary>The tree's bodies that the first pass keeps, each analysed from its root once, as the operation-block path would.</summary>
        private static void AnalyzeTree(SemanticModelAnalysisContext tree, LockReach reach, RootAnalysis analyze)
        {
            var cancellationToken = tree.CancellationToken;
            var declarations = new List<(SyntaxNode Block, ISymbol Owner)>();
            DeclarationBlocks.Collect(tree.SemanticModel, declarations, cancellationToken);
            var blocks = new List<SyntaxNode>(2);
            foreach (var (declaration, owner) in declarations)
            {
                blocks.Clear();
                BodyRoots.Collect(declaration, owner, blocks);
                IOperation? previousRoot = null;
                foreach (var syntax in blocks)
                {
                    var demand = reach.DemandOf(syntax);
                    if (demand == ReachDemand.None || (demand == ReachDemand.IfDelegateParameter && !MayReceiveDelegate(owner)))
                    {
                        continue;
                    }

                    var operation = tree.SemanticModel.GetOperation(syntax, cancellationToken);
                    if (operation == null)
                    {
                        continue;
                    }

                    var root = BodyRoots.RootOf(operation);
                    if (root != previousRoot && BodyRoots.HasControlFlowGraph(root))
                    {
                        previousRoot = root;
                        analyze(root, owner, body => BodyRoots.GraphOf(body, cancellationToken), tree.ReportDiagnostic, cancellationToken);
                    }
                }
            }
        }

        /// <summary>
        /// Whether a delegate argument can reach a parameter the body stores: the method's own
        /// parameters, or for an initializer those of its type's constructors (a primary constructor's).
        /// </summary>
        private static bool MayReceiveDelegate(ISymbol owner)
        {
            if (owner is IMethodSymbol method)
            {
                return HasDelegateParameter(method);
            }

            if (owner.ContainingType is { } type && owner is IFieldSymbol or IPropertySymbol or IEventSymbol)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (HasDelegateParameter(constructor))
                    {
                        return true;
                    }
                }

                return false;
            }

            return true;
        }

        private static bool HasDelegateParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.TypeKind == TypeKind.Delegate)
                {
                    return true;
                }
            }

            return false;
        }

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
