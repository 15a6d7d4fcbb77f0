using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// The cheap path for bodies that take no lock: records their calls (for transitive summaries)
    /// straight from the operation tree, without a control flow graph. Lambdas and local functions
    /// get records of their own; only the method itself runs with its deep-context levels held.
    /// </summary>
    internal sealed class CallCollector
    {
        private readonly LockCompilation _compilation;
        private readonly List<MethodRecord> _records = new();
        private readonly Dictionary<ILocalSymbol, IOperation?> _delegateLocals = new(SymbolEqualityComparer.Default);

        private CallCollector(LockCompilation compilation) => _compilation = compilation;

        public static ImmutableArray<MethodRecord> Collect(LockCompilation compilation, IOperation body, IMethodSymbol method, ImmutableArray<string> contextLevels)
        {
            var collector = new CallCollector(compilation);
            collector.Walk(body, collector.NewRecord(method, body), contextLevels);
            return collector._records.ToImmutableArray();
        }

        private MethodRecord NewRecord(IMethodSymbol method, IOperation body)
        {
            var record = new MethodRecord(AnnotationReader.Normalize(method), body.Syntax.GetLocation());
            _records.Add(record);
            return record;
        }

        private void Walk(IOperation operation, MethodRecord record, ImmutableArray<string> held)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    Walk(lambda.Body, NewRecord(lambda.Symbol, lambda), ImmutableArray<string>.Empty);
                    return;
                case ILocalFunctionOperation localFunction:
                    if (localFunction.Body != null)
                    {
                        Walk(localFunction.Body, NewRecord(localFunction.Symbol, localFunction), ImmutableArray<string>.Empty);
                    }

                    return;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Assign(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    Assign(local.Local, assignment.Value);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                Walk(child, record, held);
            }

            var target = CallTargets.Of(operation, Resolve);
            if (target != null && _compilation.IsWorthRecording(target))
            {
                record.Calls.Add(new CallRecord(target, operation.Syntax.GetLocation(), held));
            }
        }

        /// <summary>A local assigned more than once is not followed: which delegate it holds depends on the path.</summary>
        private void Assign(ILocalSymbol local, IOperation value)
            => _delegateLocals[local] = _delegateLocals.ContainsKey(local) ? null : value;

        private IOperation Resolve(IOperation value)
        {
            value = ValueResolver.StripConversions(value);
            return value is ILocalReferenceOperation local && _delegateLocals.TryGetValue(local.Local, out var assigned) && assigned != null ? assigned : value;
        }
    }
}
