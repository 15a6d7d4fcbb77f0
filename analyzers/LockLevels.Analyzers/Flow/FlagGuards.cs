using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The "already held" flag idiom: <c>if (lockHeld) Work(); else { Wait(); try { Work(); } finally { Release(); } }</c>.
    /// An acquisition inside a branch on a bool parameter of its method happens only with that value, and
    /// a call passing the other constant adds nothing of it.
    /// </summary>
    internal static class FlagGuards
    {
        /// <summary>The parameter (ordinal, value) the nearest enclosing <c>if</c> on a bool parameter requires; null when none.</summary>
        public static (int Ordinal, bool Value)? Of(IOperation acquisition, IMethodSymbol? method)
        {
            if (method == null)
            {
                return null;
            }

            SyntaxNode child = acquisition.Syntax;
            for (var node = child.Parent; node != null; child = node, node = node.Parent)
            {
                if (node is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return null;
                }

                if (node is IfStatementSyntax branch && (child == branch.Statement || child == branch.Else)
                    && Flag(branch.Condition, method) is { } flag)
                {
                    bool inThen = child == branch.Statement;
                    return (flag.Parameter.Ordinal, inThen == flag.WhenTrue);
                }
            }

            return null;
        }

        /// <summary>The constant bool arguments of a call, and those that are <paramref name="caller"/>'s own flags, by the callee's parameter ordinal.</summary>
        public static FlagArguments ArgumentsOf(IOperation call, IMethodSymbol? caller)
        {
            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default,
            };

            var flags = default(FlagArguments);
            if (arguments.IsDefault)
            {
                return flags;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Boolean } parameter)
                {
                    continue;
                }

                if (argument.Value.ConstantValue is { HasValue: true, Value: bool value })
                {
                    flags = flags.With(parameter.Ordinal, value);
                }
                else if (caller != null && argument.Value.Syntax is IdentifierNameSyntax name && Flag(name, caller) is { WhenTrue: true } passed)
                {
                    flags = flags.Forwarding(parameter.Ordinal, passed.Parameter.Ordinal);
                }
            }

            return flags;
        }

        /// <summary>
        /// <c>p</c> or <c>!p</c> for a bool parameter <c>p</c> of the method that the method never assigns. Matched
        /// by name: nothing inside the method's own body (lambdas and local functions apart) can shadow a parameter.
        /// </summary>
        private static (IParameterSymbol Parameter, bool WhenTrue)? Flag(ExpressionSyntax condition, IMethodSymbol method)
        {
            bool whenTrue = true;
            while (true)
            {
                if (condition is ParenthesizedExpressionSyntax parenthesized)
                {
                    condition = parenthesized.Expression;
                }
                else if (condition is PrefixUnaryExpressionSyntax prefix && prefix.IsKind(SyntaxKind.LogicalNotExpression))
                {
                    whenTrue = !whenTrue;
                    condition = prefix.Operand;
                }
                else
                {
                    break;
                }
            }

            if (condition is not IdentifierNameSyntax name)
            {
                return null;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name.Identifier.ValueText)
                {
                    return parameter is { Type.SpecialType: SpecialType.System_Boolean, RefKind: RefKind.None } && !IsAssigned(parameter, condition)
                        ? (parameter, whenTrue)
                        : null;
                }
            }

            return null;
        }

        private static bool IsAssigned(IParameterSymbol parameter, SyntaxNode inBody)
        {
            var body = inBody.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return body == null || AssignedNames.GetValue(body, NamesAssignedIn).Contains(parameter.Name);
        }

        // Every call passing a flag on asks about its member: one walk of the member, not one per call.
        private static readonly ConditionalWeakTable<MemberDeclarationSyntax, HashSet<string>> AssignedNames = new();

        private static HashSet<string> NamesAssignedIn(MemberDeclarationSyntax body)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target })
                {
                    names.Add(target.Identifier.ValueText);
                }
            }

            return names;
        }
    }
}
