using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>
    /// The cheapest path for the bodies that take no lock, which are most of them: their calls found
    /// from syntax and the semantic model's symbol info, so no operation tree is built for them.
    /// Gives up (returns default) as soon as the body touches a lock, or has a delegate invocation
    /// whose target only the operation tree can resolve; the operation-based paths take those.
    /// </summary>
    internal sealed class SyntaxCallCollector
    {
        private readonly LockCompilation _compilation;
        private readonly SemanticModel _model;
        private readonly CancellationToken _cancellationToken;
        private readonly List<MethodRecord> _records = new();
        private bool _needsOperations;

        private SyntaxCallCollector(LockCompilation compilation, SemanticModel model, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _model = model;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The body's records, or default with <paramref name="touchesLocks"/> saying why: the body takes a
        /// lock (the flow analysis is needed) or only the operation tree can follow one of its delegates.
        /// </summary>
        public static ImmutableArray<MethodRecord> CollectUnlessTouchingLocks(LockCompilation compilation, IOperation body, IMethodSymbol? method, ImmutableArray<string> contextLevels, out bool touchesLocks, CancellationToken cancellationToken)
        {
            touchesLocks = false;
            if (body.SemanticModel is not { } model)
            {
                return default;
            }

            var collector = new SyntaxCallCollector(compilation, model, cancellationToken);
            var record = method == null ? null : collector.NewRecord(method, body.Syntax);
            if (!collector.Walk(body.Syntax, record, contextLevels))
            {
                return collector._records.ToImmutableArray();
            }

            touchesLocks = !collector._needsOperations;
            return default;
        }

        private MethodRecord NewRecord(IMethodSymbol method, SyntaxNode body)
        {
            var record = new MethodRecord(AnnotationReader.Normalize(method), body.GetLocation());
            _records.Add(record);
            return record;
        }

        /// <summary>Records the calls under <paramref name="node"/>; true when this path cannot finish the body.</summary>
        private bool Walk(SyntaxNode node, MethodRecord? record, ImmutableArray<string> held)
        {
            foreach (var child in node.ChildNodes())
            {
                switch (child)
                {
                    case LockStatementSyntax:
                        return true;
                    case AttributeListSyntax:
                        continue;
                    case AnonymousFunctionExpressionSyntax lambda:
                        if (_model.GetSymbolInfo(lambda, _cancellationToken).Symbol is IMethodSymbol lambdaSymbol)
                        {
                            if (Walk(lambda, NewRecord(lambdaSymbol, lambda), ImmutableArray<string>.Empty))
                            {
                                return true;
                            }

                            continue;
                        }

                        _needsOperations = true;
                        return true;
                    case LocalFunctionStatementSyntax localFunction:
                        if (_model.GetDeclaredSymbol(localFunction, _cancellationToken) is IMethodSymbol localSymbol)
                        {
                            if (Walk(localFunction, NewRecord(localSymbol, localFunction), ImmutableArray<string>.Empty))
                            {
                                return true;
                            }

                            continue;
                        }

                        _needsOperations = true;
                        return true;
                }

                if (Walk(child, record, held) || Visit(child, record, held))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Visit(SyntaxNode node, MethodRecord? record, ImmutableArray<string> held)
        {
            IMethodSymbol? target;
            switch (node)
            {
                case InvocationExpressionSyntax:
                case ObjectCreationExpressionSyntax:
                case ImplicitObjectCreationExpressionSyntax:
                case ConstructorInitializerSyntax:
                    target = _model.GetSymbolInfo(node, _cancellationToken).Symbol as IMethodSymbol;
                    if (target == null)
                    {
                        return false;
                    }

                    if (target.MethodKind == MethodKind.DelegateInvoke)
                    {
                        // The delegate's target is found by following locals in the operation tree.
                        _needsOperations = true;
                        return true;
                    }

                    break;
                case SimpleNameSyntax name when !IsInvokedName(name):
                    var symbol = _model.GetSymbolInfo(name, _cancellationToken).Symbol;
                    if (symbol is IMethodSymbol methodGroup)
                    {
                        // A method group: an annotated target makes the delegate made of it an acquisition.
                        return _compilation.CalleeOf(methodGroup).MayAffectLocks;
                    }

                    if (symbol is not IPropertySymbol property)
                    {
                        return false;
                    }

                    target = IsAssigned(name) ? property.SetMethod : property.GetMethod;
                    if (target == null)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            var callee = _compilation.CalleeOf(target);
            if (callee.MayAffectLocks)
            {
                return true;
            }

            if (record != null && callee.WorthRecording)
            {
                record.Calls.Add(new CallRecord(AnnotationReader.Normalize(target), node, held));
            }

            return false;
        }

        /// <summary>The expression a simple name stands for: the member access or member binding it names, or itself.</summary>
        private static SyntaxNode Named(SimpleNameSyntax name) => name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            MemberBindingExpressionSyntax binding when binding.Name == name => binding,
            _ => name,
        };

        private static bool IsInvokedName(SimpleNameSyntax name)
            => Named(name).Parent is InvocationExpressionSyntax invocation && invocation.Expression == Named(name);

        private static bool IsAssigned(SimpleNameSyntax name)
            => Named(name) is var expression && expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression;
    }
}
