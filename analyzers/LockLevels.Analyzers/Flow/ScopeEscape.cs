using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Whether a scope an acquisition returned is the method's to dispose or is handed on (returned, stored, passed).</summary>
    internal static class ScopeEscape
    {
        /// <summary>
        /// A returned scope escapes when it is returned, stored outside a local or passed on;
        /// one that is discarded or kept in a local is this method's to dispose.
        /// </summary>
        public static bool Escapes(ControlFlowGraph graph, IInvocationOperation invocation)
        {
            IOperation operation = invocation;
            while (operation.Parent is IConversionOperation conversion)
            {
                operation = conversion;
            }

            switch (operation.Parent)
            {
                case null:
                    return IsReturnedValue(graph, operation);
                case IFlowCaptureOperation capture:
                    return ValueEscapes(graph, reference => reference is IFlowCaptureReferenceOperation captured && captured.Id.Equals(capture.Id));
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return ValueEscapes(graph, reference => reference is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, local.Local));
                default:
                    return IsPassedOn(invocation);
            }
        }

        private static bool IsReturnedValue(ControlFlowGraph graph, IOperation operation)
        {
            foreach (var block in graph.Blocks)
            {
                if (block.BranchValue == operation)
                {
                    return block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return;
                }
            }

            return false;
        }

        /// <summary>Whether a local or capture holding the scope is returned or handed to other code.</summary>
        private static bool ValueEscapes(ControlFlowGraph graph, Func<IOperation, bool> holdsTheScope)
        {
            foreach (var block in graph.Blocks)
            {
                if (block.BranchValue != null
                    && holdsTheScope(ValueResolver.StripConversions(block.BranchValue))
                    && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    return true;
                }

                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        if (holdsTheScope(descendant) && IsPassedOn(descendant))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsPassedOn(IOperation reference)
        {
            IOperation operation = reference;
            while (operation.Parent is IConversionOperation conversion)
            {
                operation = conversion;
            }

            return operation.Parent is IArgumentOperation or IReturnOperation or IArrayInitializerOperation or ITupleOperation
                    or IAnonymousObjectCreationOperation or IMemberInitializerOperation or IFieldInitializerOperation or IPropertyInitializerOperation
                || (operation.Parent is ISimpleAssignmentOperation assignment && assignment.Value == operation && assignment.Target is not ILocalReferenceOperation
                    && assignment.Target is not IFlowCaptureReferenceOperation);
        }
    }
}
