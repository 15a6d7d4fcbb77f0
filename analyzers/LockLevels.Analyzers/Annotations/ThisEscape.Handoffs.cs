using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>Hand-offs of the new object that do not publish it: to a helper the object keeps, to a timer made unstarted.</summary>
    internal static partial class ThisEscape
    {
        /// <summary>
        /// <c>_reader = new Reader(this)</c>: the object is handed to a helper it keeps in its own member, whose
        /// constructors only store or read what they are given and which lets out neither itself nor it. The
        /// helper is reachable through the object alone, so the object is still its creator's only.
        /// </summary>
        private static bool IsGivenToOwnedHelper(SyntaxNode self, INamedTypeSymbol owner, Compilation compilation, int depth)
        {
            if (depth >= MaxHelperDepth
                || self.Parent is not ArgumentSyntax { RefKindKeyword.RawKind: 0, NameColon: null } argument
                || argument.Parent is not ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } arguments
                || creation.Initializer != null
                || creation.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax } assignment
                || assignment.Right != creation
                || !IsOwnInstanceMember(assignment.Left, owner))
            {
                return false;
            }

            string helperName = creation.Type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                _ => "",
            };
            int position = arguments.Arguments.IndexOf(argument);
            bool found = false;
            foreach (var symbol in compilation.GetSymbolsWithName(helperName, SymbolFilter.Type))
            {
                if (symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } helper
                    || !StoresOrReadsOnly(helper, position)
                    || FirstEscape(helper, compilation, depth + 1) != null)
                {
                    return false;
                }

                found = true;
            }

            return found;
        }

        private static bool IsOwnInstanceMember(ExpressionSyntax target, INamedTypeSymbol owner)
        {
            var name = target switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier,
                _ => null,
            };
            if (name == null)
            {
                return false;
            }

            for (var current = owner; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name.Identifier.ValueText))
                {
                    if (!member.IsStatic && member is IFieldSymbol or IPropertySymbol)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Every constructor of the helper that can take an argument at that position uses the parameter there
        /// only to store it in one of its members or to read members of it (<c>_owner = owner</c>,
        /// <c>owner.Settings</c>), never calls on it or passes it on.
        /// </summary>
        private static bool StoresOrReadsOnly(INamedTypeSymbol helper, int position)
        {
            if (helper.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            foreach (var constructor in helper.InstanceConstructors)
            {
                if (constructor.Parameters.Length <= position)
                {
                    continue;
                }

                var parameter = constructor.Parameters[position];
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not ConstructorDeclarationSyntax declaration)
                    {
                        // A primary constructor: its parameter lives on in whatever captures it.
                        return false;
                    }

                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is IdentifierNameSyntax name && name.Identifier.ValueText == parameter.Name && !IsStoredOrRead(name, helper))
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        private static bool IsStoredOrRead(IdentifierNameSyntax name, INamedTypeSymbol helper)
        {
            if (name.Parent is NameColonSyntax || (name.Parent is MemberAccessExpressionSyntax member && member.Name == name))
            {
                // A name that only spells the parameter's: an argument's name or a member of something else.
                return true;
            }

            if (name.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Right == name)
            {
                return IsOwnInstanceMember(assignment.Left, helper);
            }

            return name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
                && access.Parent is not InvocationExpressionSyntax
                && !(access.Parent is AssignmentExpressionSyntax target && target.Left == access);
        }

        /// <summary>
        /// The callback of <c>new Timer(callback, state, Timeout.Infinite, ...)</c>: a timer made unstarted
        /// runs nothing until someone calls its <c>Change</c>.
        /// </summary>
        private static bool IsUnstartedTimerCallback(SyntaxNode callback)
        {
            if (callback.Parent is not ArgumentSyntax argument
                || argument.Parent is not ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } arguments
                || arguments.Arguments.Count != 4
                || arguments.Arguments[0] != argument)
            {
                return false;
            }

            string typeName = creation.Type switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.ToString(),
                _ => "",
            };
            if (typeName != "Timer" && typeName != "System.Threading.Timer" && typeName != "Threading.Timer")
            {
                return false;
            }

            return arguments.Arguments[2].Expression switch
            {
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Infinite" or "InfiniteTimeSpan", Expression: var timeout } => timeout.ToString().EndsWith("Timeout", System.StringComparison.Ordinal),
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { Token.ValueText: "1" } } => true,
                _ => false,
            };
        }
    }
}
