using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using LockLevels.Analyzers.Roslyn;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// Wires a rule to the shared per-method analysis: every rule asks for the same facts, which
    /// are computed once per body, and reports only the findings with its own ID.
    /// </summary>
    internal static class MethodFindings
    {
        public static void Register(AnalysisContext context, string id)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = LockCompilation.For(start.Compilation, start.Options);
                if (!compilation.Symbols.HasAnnotations)
                {
                    return;
                }

                start.RegisterOperationBlockAction(block => ReportFor(block, compilation, id));
            });
        }

        /// <summary>
        /// Wires a whole-compilation rule: every body is recorded (once, shared with the other rules),
        /// and at compilation end the rule reports its part of the interprocedural result.
        /// </summary>
        public static void RegisterWholeCompilation(AnalysisContext context, System.Func<InterproceduralResult, System.Collections.Immutable.ImmutableArray<Diagnostic>> select, bool forUnannotatedLocks = false)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = LockCompilation.For(start.Compilation, start.Options);
                if (forUnannotatedLocks ? !compilation.InferUnannotated : !compilation.Symbols.HasAnnotations)
                {
                    return;
                }

                start.RegisterOperationBlockAction(block => ReportFor(block, compilation, id: null));
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var diagnostic in select(compilation.Interprocedural))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        }

        private static void ReportFor(OperationBlockAnalysisContext context, LockCompilation compilation, string? id)
        {
            IOperation? previousRoot = null;
            foreach (var block in context.OperationBlocks)
            {
                // Blocks may be nested in the body operation that owns the graph (a method body
                // holds its block); analyse from that root so every rule shares one result.
                var root = block;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                if (root == previousRoot || !HasControlFlowGraph(root))
                {
                    continue;
                }

                previousRoot = root;

                var facts = compilation.FactsFor(root, context.OwningSymbol, _ => context.GetControlFlowGraph(block), context.CancellationToken);
                foreach (var finding in facts.Findings)
                {
                    if (id != null && finding.Descriptor.Id == id)
                    {
                        context.ReportDiagnostic(finding.ToDiagnostic());
                    }
                }
            }
        }

        private static bool HasControlFlowGraph(IOperation root)
            => root is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation;
    }
}
