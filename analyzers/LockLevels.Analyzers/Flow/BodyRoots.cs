using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The bodies of one declaration as the analyzer driver hands them to operation-block actions, found
    /// from syntax so that a code-block action can ask for the operations of only the bodies it needs:
    /// parameter default values first, then the body (a method, accessor, constructor, operator, a
    /// property's expression body, a primary constructor's base call, top-level statements) or the
    /// initializer of the field, property or enum member the symbol names.
    /// </summary>
    internal static class BodyRoots
    {
        /// <summary>The syntax of each executable block of <paramref name="declaration"/> (a code block's node) that <paramref name="owner"/> owns.</summary>
        public static void Collect(SyntaxNode declaration, ISymbol owner, List<SyntaxNode> blocks)
        {
            switch (declaration)
            {
                case BaseMethodDeclarationSyntax method:
                    AddDefaults(method.ParameterList, blocks);
                    if (method.Body != null || method.ExpressionBody != null)
                    {
                        blocks.Add(method);
                    }

                    break;
                case AccessorDeclarationSyntax accessor when accessor.Body != null || accessor.ExpressionBody != null:
                    blocks.Add(accessor);
                    break;
                case ArrowExpressionClauseSyntax or CompilationUnitSyntax:
                    blocks.Add(declaration);
                    break;
                case PropertyDeclarationSyntax { Initializer: { } initializer }:
                    blocks.Add(initializer);
                    break;
                case BasePropertyDeclarationSyntax property:
                    AddDefaults((property as IndexerDeclarationSyntax)?.ParameterList, blocks);
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer != null && variable.Identifier.ValueText == owner.Name)
                        {
                            blocks.Add(variable.Initializer);
                        }
                    }

                    break;
                case EnumMemberDeclarationSyntax { EqualsValue: { } value }:
                    blocks.Add(value);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    AddDefaults(@delegate.ParameterList, blocks);
                    break;
                case TypeDeclarationSyntax type:
                    // A primary constructor: its defaults, and its base call if it makes one.
                    AddDefaults(type.ParameterList, blocks);
                    if (type.BaseList is { Types: { Count: > 0 } bases } && bases[0] is PrimaryConstructorBaseTypeSyntax)
                    {
                        blocks.Add(type);
                    }

                    break;
            }
        }

        /// <summary>The operation whose control flow graph covers the block, once per root: a method body holds its block.</summary>
        public static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }

        public static bool HasControlFlowGraph(IOperation root)
            => root is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation;

        /// <summary>The graph of a root for which <see cref="HasControlFlowGraph"/> holds.</summary>
        public static ControlFlowGraph? GraphOf(IOperation root, CancellationToken cancellationToken)
            => root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };

        private static void AddDefaults(BaseParameterListSyntax? parameters, List<SyntaxNode> blocks)
        {
            if (parameters == null)
            {
                return;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Default != null)
                {
                    blocks.Add(parameter.Default);
                }
            }
        }
    }
}
