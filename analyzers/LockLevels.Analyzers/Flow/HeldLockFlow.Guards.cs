using System.Collections.Generic;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// A release guarded by the condition its acquisition was guarded by: <c>if (c) Enter(); ... if (c) Exit();</c>.
    /// The flow joins paths, so after the first if the lock may be held, and the second if's false branch
    /// seems to skip its release. Where a branch tests a condition that cannot change in the body (a
    /// parameter or local never assigned after its declaration, a readonly field outside constructors), the
    /// edge on which it has one value cannot hold what was taken only under the other.
    /// </summary>
    internal sealed partial class HeldLockFlow
    {
        private readonly Dictionary<int, List<(string Name, bool Value)>> _siteGuards = new();
        private Dictionary<string, bool>? _stableNames;

        /// <summary>The stable condition a branch value tests, and whether the branch value is its negation; null for any other value.</summary>
        private (string Name, bool Negated)? TestedCondition(IOperation branchValue)
        {
            bool negated = false;
            var value = ValueResolver.StripConversions(branchValue);
            while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                value = ValueResolver.StripConversions(not.Operand);
            }

            ISymbol? symbol = value switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter,
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation { Field.IsReadOnly: true, Instance: null or IInstanceReferenceOperation } field
                    when _facts.Method?.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor) => field.Field,
                _ => null,
            };

            // Locals the compiler makes (a lowered pattern's) have no name: nothing in the source can test them again.
            return symbol != null && !string.IsNullOrEmpty(symbol.Name) && TypeOf(symbol)?.SpecialType == SpecialType.System_Boolean && IsStable(symbol)
                ? (symbol.Name, negated)
                : null;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        /// <summary>On an edge where the condition has <paramref name="value"/>, what was acquired only when it had the other is not held.</summary>
        private HeldLockSet DropGuarded(HeldLockSet state, string name, bool value)
        {
            foreach (var held in state.Locks)
            {
                if (held.Origin != HeldOrigin.Acquired)
                {
                    continue;
                }

                foreach (int site in held.Sites)
                {
                    if (GuardsOf(site).Contains((name, !value)))
                    {
                        state = state.Release(held.Level, site);
                        break;
                    }
                }
            }

            return state;
        }

        /// <summary>The conditions (name, value) every execution of a site's acquisition has: the enclosing ifs that test a bare name.</summary>
        private List<(string Name, bool Value)> GuardsOf(int site)
        {
            if (_siteGuards.TryGetValue(site, out var guards))
            {
                return guards;
            }

            guards = new List<(string, bool)>();
            SyntaxNode? child = _sites[site].Event.Operation.Syntax;
            for (var node = child?.Parent; node != null && node != _graph.OriginalOperation.Syntax; child = node, node = node.Parent)
            {
                if (node is IfStatementSyntax @if && ConditionName(@if.Condition, out bool negated) is { } name)
                {
                    if (child == @if.Statement)
                    {
                        guards.Add((name, !negated));
                    }
                    else if (child == @if.Else)
                    {
                        guards.Add((name, negated));
                    }
                }
            }

            _siteGuards.Add(site, guards);
            return guards;
        }

        private static string? ConditionName(ExpressionSyntax condition, out bool negated)
        {
            negated = false;
            while (true)
            {
                switch (condition)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        condition = parenthesized.Expression;
                        continue;
                    case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                        negated = !negated;
                        condition = not.Operand;
                        continue;
                    case IdentifierNameSyntax identifier:
                        return identifier.Identifier.ValueText;
                    case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                        return member.Identifier.ValueText;
                    default:
                        return null;
                }
            }
        }

        /// <summary>Nothing in the body writes the name (a local's own initializer aside): its value is the same at every test.</summary>
        private bool IsStable(ISymbol symbol)
        {
            _stableNames ??= new Dictionary<string, bool>();
            if (_stableNames.TryGetValue(symbol.Name, out bool stable))
            {
                return stable;
            }

            stable = true;
            foreach (var block in _graph.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        var written = descendant switch
                        {
                            IAssignmentOperation assignment => assignment.Target,
                            IIncrementOrDecrementOperation step => step.Target,
                            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                            _ => null,
                        };

                        if (written != null && NameOf(written) == symbol.Name && !IsInitializer(descendant, symbol))
                        {
                            stable = false;
                        }
                    }
                }
            }

            _stableNames.Add(symbol.Name, stable);
            return stable;
        }

        /// <summary>The graph lowers <c>bool c = x;</c> to an assignment at the declarator.</summary>
        private static bool IsInitializer(IOperation write, ISymbol symbol)
            => symbol is ILocalSymbol && write.Syntax is VariableDeclaratorSyntax;

        private static string? NameOf(IOperation target) => ValueResolver.StripConversions(target) switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            _ => null,
        };
    }
}
