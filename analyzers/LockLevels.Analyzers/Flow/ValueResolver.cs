using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Sees through the temporaries a control flow graph introduces (flow captures) and through
    /// locals assigned once, so a lowered <c>lock</c> or <c>using</c> can be tied back to the
    /// field or call it came from.
    /// </summary>
    internal sealed class ValueResolver
    {
        private const int MaxSteps = 8;

        private readonly Dictionary<CaptureId, IOperation> _captures = new();
        private readonly Dictionary<ILocalSymbol, IOperation?> _locals = new(SymbolEqualityComparer.Default);

        public ValueResolver(ControlFlowGraph graph)
        {
            foreach (var block in graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    Record(operation);
                }

                if (block.BranchValue != null)
                {
                    Record(block.BranchValue);
                }
            }
        }

        public static IOperation StripConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>The operation that produced the value, through conversions, captures and single-assignment locals.</summary>
        public IOperation Resolve(IOperation operation)
        {
            for (int step = 0; step < MaxSteps; step++)
            {
                operation = StripConversions(operation);
                if (operation is IFlowCaptureReferenceOperation reference && _captures.TryGetValue(reference.Id, out var captured))
                {
                    operation = captured;
                }
                else if (operation is ILocalReferenceOperation local && _locals.TryGetValue(local.Local, out var assigned) && assigned != null)
                {
                    operation = assigned;
                }
                else if (operation is IAwaitOperation awaited)
                {
                    operation = awaited.Operation;
                }
                else
                {
                    break;
                }
            }

            return operation;
        }

        /// <summary>
        /// A delegate-typed local written as an <c>out</c> argument (<c>_work.TryDequeue(out var next)</c>)
        /// holds what that call gave out: its value is the call, so the delegate's source can be told.
        /// Only delegates: a lock object's value must stay the local, whose type keys its class.
        /// </summary>
        public static ILocalSymbol? DelegateOutLocal(IArgumentOperation argument)
        {
            if (argument.Parameter?.RefKind != RefKind.Out)
            {
                return null;
            }

            var written = StripConversions(argument.Value);
            if (written is IDeclarationExpressionOperation declaration)
            {
                written = declaration.Expression;
            }

            return written is ILocalReferenceOperation { Local: { Type.TypeKind: TypeKind.Delegate } local } ? local : null;
        }

        private void Record(IOperation root)
        {
            // Only the top of each statement and its immediate value can be a capture or a local
            // assignment in a control flow graph; nested ones are rare and need not be followed.
            switch (root)
            {
                case IFlowCaptureOperation capture:
                    if (!_captures.ContainsKey(capture.Id))
                    {
                        _captures.Add(capture.Id, capture.Value);
                    }

                    RecordOutLocals(capture.Value);
                    break;
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }:
                    RecordLocal(assignment);
                    break;
                case ISimpleAssignmentOperation assignment:
                    RecordLocal(assignment);
                    break;
                case IExpressionStatementOperation { Operation: var expression }:
                    RecordOutLocals(expression);
                    break;
                default:
                    RecordOutLocals(root);
                    break;
            }
        }

        private void RecordOutLocals(IOperation value)
        {
            if (StripConversions(value) is not IInvocationOperation invocation)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (DelegateOutLocal(argument) is { } local)
                {
                    _locals[local] = _locals.ContainsKey(local) ? null : invocation;
                }
            }
        }

        private void RecordLocal(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is ILocalReferenceOperation target)
            {
                // A local assigned twice is not followed: which value it holds depends on the path.
                _locals[target.Local] = _locals.ContainsKey(target.Local) ? null : assignment.Value;
            }
        }
    }
}
