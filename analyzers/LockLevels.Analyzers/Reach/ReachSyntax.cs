using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>Questions the walk asks of one syntax node and its parent.</summary>
    internal static class ReachSyntax
    {
        /// <summary>
        /// A type written where it only declares (a parameter's, local's, field's, property's or
        /// return type, a cast's, a pattern's, typeof, default, type arguments): naming a type there
        /// calls nothing, and such slots hold no expressions. Object creations keep their type: it
        /// names the constructor.
        /// </summary>
        public static bool IsDeclaredType(SyntaxNode parent, SyntaxNode child)
            => parent.Kind() switch
            {
                SyntaxKind.Parameter => child == ((ParameterSyntax)parent).Type,
                SyntaxKind.VariableDeclaration => child == ((VariableDeclarationSyntax)parent).Type,
                SyntaxKind.MethodDeclaration => child == ((MethodDeclarationSyntax)parent).ReturnType,
                SyntaxKind.LocalFunctionStatement => child == ((LocalFunctionStatementSyntax)parent).ReturnType,
                SyntaxKind.PropertyDeclaration or SyntaxKind.IndexerDeclaration or SyntaxKind.EventDeclaration => child == ((BasePropertyDeclarationSyntax)parent).Type,
                SyntaxKind.OperatorDeclaration => child == ((OperatorDeclarationSyntax)parent).ReturnType,
                SyntaxKind.ConversionOperatorDeclaration => child == ((ConversionOperatorDeclarationSyntax)parent).Type,
                SyntaxKind.DelegateDeclaration => child == ((DelegateDeclarationSyntax)parent).ReturnType,
                SyntaxKind.DeclarationExpression => child == ((DeclarationExpressionSyntax)parent).Type,
                SyntaxKind.DeclarationPattern => child == ((DeclarationPatternSyntax)parent).Type,
                SyntaxKind.RecursivePattern => child == ((RecursivePatternSyntax)parent).Type,
                SyntaxKind.TypePattern => true,
                SyntaxKind.CastExpression => child == ((CastExpressionSyntax)parent).Type,
                SyntaxKind.TypeOfExpression or SyntaxKind.DefaultExpression or SyntaxKind.SizeOfExpression => true,
                SyntaxKind.TypeArgumentList => true,
                SyntaxKind.ForEachStatement => child == ((ForEachStatementSyntax)parent).Type,
                SyntaxKind.CatchDeclaration => child == ((CatchDeclarationSyntax)parent).Type,
                SyntaxKind.TypeConstraint => true,
                _ => false,
            };

        /// <summary><c>Run(N)</c>, <c>Action a = x.N</c>, <c>d = N</c>, <c>return N</c>: the name is a value passed, stored or returned, a method group if it names a method.</summary>
        public static bool IsPassedName(SyntaxNode name)
        {
            var value = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return value.Parent switch
            {
                ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Right == value,
                _ => false,
            };
        }

        /// <summary><c>N(...)</c>, <c>x.N(...)</c>, <c>x?.N(...)</c>: the name is what is called.</summary>
        public static bool IsInvokedName(SyntaxNode name)
        {
            var parent = name.Parent;
            if (parent is InvocationExpressionSyntax direct)
            {
                return direct.Expression == name;
            }

            if (parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                return parent.Parent is InvocationExpressionSyntax invocation && invocation.Expression == parent;
            }

            return parent is MemberBindingExpressionSyntax && parent.Parent is InvocationExpressionSyntax bound && bound.Expression == parent;
        }

        /// <summary>
        /// The type a target-typed <c>new()</c> creates when its declaration spells it
        /// (<c>Registry r = new();</c>, <c>readonly Registry _r = new();</c>); elsewhere null: any constructor.
        /// A predefined type (<c>object _gate = new();</c>) creates nothing of source: the empty name.
        /// </summary>
        public static string? TargetTypeName(ImplicitObjectCreationExpressionSyntax creation)
        {
            var type = TargetType(creation);
            if (type is PredefinedTypeSyntax or NullableTypeSyntax { ElementType: PredefinedTypeSyntax })
            {
                return string.Empty;
            }

            return type == null || type.IsVar ? null : ReachWalker.RightmostName(type);
        }

        /// <summary>The declared type a target-typed <c>new()</c> takes its type from, or null where the syntax does not spell it.</summary>
        public static TypeSyntax? TargetType(ImplicitObjectCreationExpressionSyntax creation)
        {
            if (creation.Parent is not EqualsValueClauseSyntax initializer)
            {
                return null;
            }

            var type = initializer.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                PropertyDeclarationSyntax property => property.Type,
                _ => null,
            };
            return type is { IsVar: true } ? null : type;
        }
    }
}
