using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>The walk inside one unit: every name it mentions, and the calls the compiler makes that no name spells.</summary>
    internal sealed partial class ReachWalker
    {
        /// <summary>
        /// Walks <paramref name="root"/> with an explicit stack (long expressions nest deeply).
        /// Names go to the unit and, inside a lambda, local function or query, to that outermost
        /// fragment too.
        /// </summary>
        private void WalkBody(SyntaxNode root, ReachUnit unit) => WalkBodyExcept(root, unit, except: null);

        /// <summary>As <see cref="WalkBody"/>, leaving out the subtree <paramref name="except"/> (walked as a unit of its own).</summary>
        private void WalkBodyExcept(SyntaxNode root, ReachUnit unit, SyntaxNode? except)
        {
            // Top-level statements are one unit walked a statement at a time: their locals are in scope in the later ones.
            if (unit != _topLevel)
            {
                _locals.Clear();
                _delegateLocals.Clear();
            }

            _active.Clear();
            _active.Add(unit);
            _walked.Clear();
            _walked.Add(unit);
            _stack.Push((root, false));
            while (_stack.Count > 0)
            {
                var (node, exitFragment) = _stack.Pop();
                if (exitFragment)
                {
                    _active.RemoveAt(_active.Count - 1);
                    continue;
                }

                if ((++_steps & 0x3FF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                Visit(node!);
                foreach (var child in node!.ChildNodesAndTokens())
                {
                    if (child.IsNode && child.AsNode() is { } childNode && childNode != except)
                    {
                        if (!ReachSyntax.IsDeclaredType(node, childNode))
                        {
                            _stack.Push((childNode, false));
                        }
                        else
                        {
                            foreach (var active in _active)
                            {
                                MentionTypesIn(childNode, active);
                            }
                        }
                    }
                }
            }

            _active.Clear();
            foreach (var walked in _walked)
            {
                MarkLocalDelegateCalls(walked);
            }

            ResolveReceiversOnLocals();
        }

        private void Visit(SyntaxNode node)
        {
            switch (node.Kind())
            {
                case SyntaxKind.IdentifierName:
                    Name(node, ((IdentifierNameSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.GenericName:
                    Name(node, ((GenericNameSyntax)node).Identifier.ValueText);
                    CreateNamesIn(((GenericNameSyntax)node).TypeArgumentList);
                    return;
                case SyntaxKind.ObjectCreationExpression:
                    if (RightmostName(((ObjectCreationExpressionSyntax)node).Type) is { } createdType)
                    {
                        _active[0].Create(createdType);
                    }

                    return;
                case SyntaxKind.TypeOfExpression:
                    CreateNamesIn(((TypeOfExpressionSyntax)node).Type);
                    return;
                case SyntaxKind.LockStatement:
                    foreach (var unit in _active)
                    {
                        unit.IsSeed = true;
                    }

                    return;
                case SyntaxKind.InvocationExpression:
                    if (((InvocationExpressionSyntax)node).Expression.Kind() is not (SyntaxKind.IdentifierName or SyntaxKind.GenericName
                        or SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.PointerMemberAccessExpression or SyntaxKind.MemberBindingExpression))
                    {
                        // f()(), handlers[i](), (cond ? a : b)(): a delegate, whatever it is.
                        foreach (var unit in _active)
                        {
                            unit.InvokesDelegate = true;
                        }
                    }

                    return;
                case SyntaxKind.Attribute:
                    var attributeName = RightmostName(((AttributeSyntax)node).Name);
                    foreach (var unit in _active)
                    {
                        unit.Attribute(attributeName);
                    }

                    return;
                case SyntaxKind.SimpleLambdaExpression:
                case SyntaxKind.ParenthesizedLambdaExpression:
                case SyntaxKind.AnonymousMethodExpression:
                case SyntaxKind.QueryExpression:
                case SyntaxKind.LocalFunctionStatement:
                    if (node is LocalFunctionStatementSyntax { AttributeLists.Count: > 0 } or ParenthesizedLambdaExpressionSyntax { AttributeLists.Count: > 0 })
                    {
                        AttributedFunctions.Add(node);
                    }

                    EnterFragment(node);
                    return;
                case SyntaxKind.ThisConstructorInitializer:
                    Refer(_typeName);
                    return;
                case SyntaxKind.BaseConstructorInitializer:
                    // The first base-list entry is the base class if there is one (an interface's name, if not, reaches no constructor).
                    if (_baseTypeName != null)
                    {
                        Refer(_baseTypeName);
                    }

                    return;
                case SyntaxKind.ImplicitObjectCreationExpression:
                    var implicitCreation = (ImplicitObjectCreationExpressionSyntax)node;
                    if (ReachSyntax.TargetTypeName(implicitCreation) is { } targetName)
                    {
                        Refer(targetName);
                    }
                    else
                    {
                        Refer(ReachNames.Constructor(implicitCreation.ArgumentList.Arguments.Count));
                        Refer(ReachNames.ParamsConstructor);
                    }

                    if (ReachSyntax.TargetType(implicitCreation) is { } targetType)
                    {
                        CreateNamesIn(targetType);
                    }
                    else
                    {
                        _active[0].CreatesUnknown = true;
                    }

                    return;
                case SyntaxKind.ElementAccessExpression:
                    ElementAccess(((ElementAccessExpressionSyntax)node).Expression);
                    return;
                case SyntaxKind.ElementBindingExpression:
                case SyntaxKind.ImplicitElementAccess:
                    Refer(ReachNames.Indexer);
                    return;
                case SyntaxKind.RangeExpression:
                case SyntaxKind.IndexExpression:
                case SyntaxKind.ListPattern:
                case SyntaxKind.SlicePattern:
                    Refer(ReachNames.IndexAndRange);
                    return;
                case SyntaxKind.CastExpression:
                    Refer(ReachNames.ExplicitConversion);
                    return;
                case SyntaxKind.ForEachStatement:
                case SyntaxKind.ForEachVariableStatement:
                    Refer(ReachNames.Enumeration);
                    if (node is ForEachStatementSyntax foreachStatement)
                    {
                        Local(foreachStatement.Identifier.ValueText, foreachStatement.Type);
                    }
                    else
                    {
                        Refer(ReachNames.Deconstruction);
                    }

                    if (((CommonForEachStatementSyntax)node).AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    {
                        Refer(ReachNames.Awaiting);
                    }

                    return;
                case SyntaxKind.UsingStatement:
                    var usingStatement = (UsingStatementSyntax)node;
                    Disposes(usingStatement.Declaration, usingStatement.AwaitKeyword);
                    return;
                case SyntaxKind.LocalDeclarationStatement:
                    var localDeclaration = (LocalDeclarationStatementSyntax)node;
                    if (localDeclaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword))
                    {
                        Disposes(localDeclaration.Declaration, localDeclaration.AwaitKeyword);
                    }

                    return;
                case SyntaxKind.AwaitExpression:
                    Refer(ReachNames.Awaiting);
                    return;
                case SyntaxKind.PositionalPatternClause:
                case SyntaxKind.ParenthesizedVariableDesignation:
                    Refer(ReachNames.Deconstruction);
                    return;
                case SyntaxKind.CollectionInitializerExpression:
                case SyntaxKind.ComplexElementInitializerExpression:
                    Refer(ReachNames.CollectionInitializer);
                    return;
                case SyntaxKind.CollectionExpression:
                    Refer(ReachNames.CollectionExpression);
                    _active[0].CreatesUnknown = true;
                    return;
                case SyntaxKind.FixedStatement:
                    Refer(ReachNames.Pinning);
                    return;
                case SyntaxKind.InterpolatedStringExpression:
                    foreach (var unit in _active)
                    {
                        unit.UsesInterpolation = true;
                    }

                    return;
                case SyntaxKind.VariableDeclarator:
                    var declarator = (VariableDeclaratorSyntax)node;
                    Local(declarator.Identifier.ValueText, (declarator.Parent as VariableDeclarationSyntax)?.Type, declarator.Initializer?.Value);
                    if (declarator.Initializer?.Value is AnonymousFunctionExpressionSyntax && declarator.Parent?.Parent is LocalDeclarationStatementSyntax)
                    {
                        foreach (var unit in _active)
                        {
                            unit.LambdaLocal(declarator.Identifier.ValueText);
                        }
                    }

                    return;
                case SyntaxKind.Argument:
                    if (!((ArgumentSyntax)node).RefKindKeyword.IsKind(SyntaxKind.None) && ((ArgumentSyntax)node).Expression is IdentifierNameSyntax byReference)
                    {
                        Reassigned(byReference.Identifier.ValueText);
                    }

                    return;
                case SyntaxKind.Parameter:
                    var parameter = (ParameterSyntax)node;
                    if (node.Parent?.Parent is TypeDeclarationSyntax)
                    {
                        // A primary constructor's parameters are in scope in every member of the type.
                        MemberValue(parameter.Identifier.ValueText, parameter.Type);
                    }
                    else
                    {
                        Local(parameter.Identifier.ValueText, parameter.Type);
                    }

                    return;
                case SyntaxKind.TypeParameter:
                    TypeParameterNames.Add(((TypeParameterSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.CatchDeclaration:
                    // An exception: never a delegate, but a value whose methods may be of source.
                    Local(((CatchDeclarationSyntax)node).Identifier.ValueText, ((CatchDeclarationSyntax)node).Type, mayHoldDelegate: false);
                    return;
                case SyntaxKind.SingleVariableDesignation:
                    Local(((SingleVariableDesignationSyntax)node).Identifier.ValueText, node.Parent switch
                    {
                        DeclarationPatternSyntax pattern => pattern.Type,
                        DeclarationExpressionSyntax declaration => declaration.Type,
                        _ => null,
                    });
                    return;

                case SyntaxKind.FromClause:
                    Local(((FromClauseSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.LetClause:
                    Local(((LetClauseSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.JoinClause:
                    Local(((JoinClauseSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.JoinIntoClause:
                    Local(((JoinIntoClauseSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.QueryContinuation:
                    Local(((QueryContinuationSyntax)node).Identifier.ValueText);
                    return;
                case SyntaxKind.SimpleAssignmentExpression:
                    _active[0].Assigns = true;
                    var assigned = ((AssignmentExpressionSyntax)node).Left;
                    if (assigned.Kind() is SyntaxKind.TupleExpression or SyntaxKind.DeclarationExpression)
                    {
                        // Deconstruction, which assigns every name in the tuple.
                        Refer(ReachNames.Deconstruction);
                        foreach (var part in assigned.DescendantNodes())
                        {
                            if (part is IdentifierNameSyntax deconstructed)
                            {
                                Reassigned(deconstructed.Identifier.ValueText);
                            }
                        }
                    }
                    else if (assigned is IdentifierNameSyntax target)
                    {
                        Reassigned(target.Identifier.ValueText);
                    }

                    return;
                case SyntaxKind.SuppressNullableWarningExpression:
                    return;
            }

            // User-defined operators: operator syntax may call one declared with its token.
            switch (node)
            {
                case BinaryExpressionSyntax binary:
                    ReferOperator(binary.OperatorToken.Kind() switch
                    {
                        SyntaxKind.AmpersandAmpersandToken => "&",
                        SyntaxKind.BarBarToken => "|",
                        _ => binary.OperatorToken.ValueText,
                    });
                    break;
                case PrefixUnaryExpressionSyntax prefix:
                    ReferOperator(prefix.OperatorToken.ValueText);
                    break;
                case PostfixUnaryExpressionSyntax postfix:
                    ReferOperator(postfix.OperatorToken.ValueText);
                    break;
                case AssignmentExpressionSyntax compound:
                    // x += y calls operator += (C# 14) or operator +.
                    var token = compound.OperatorToken.ValueText;
                    ReferOperator(token);
                    ReferOperator(token.Substring(0, token.Length - 1));
                    break;
            }

            if (node is AssignmentExpressionSyntax assignment)
            {
                _active[0].Assigns = true;
                if (assignment.Left is IdentifierNameSyntax combined)
                {
                    // f += g on a delegate local combines delegates: f no longer holds only its lambda.
                    Reassigned(combined.Identifier.ValueText);
                }
            }
        }

        private void EnterFragment(SyntaxNode node)
        {
            if (node is LocalFunctionStatementSyntax localFunction)
            {
                MethodNames.Add(localFunction.Identifier.ValueText);
            }

            if (node.IsKind(SyntaxKind.QueryExpression))
            {
                Refer(ReachNames.Query);
            }

            // Only the outermost fragment is its own unit: a delegate made from an inner one is covered by it.
            if (_active.Count > 1)
            {
                return;
            }

            var fragment = new ReachUnit(ReachUnitKind.Fragment, ++_serial);
            fragment.Declare(ReachNames.AnyDelegate);
            Units.Add(fragment);
            _active.Add(fragment);
            _walked.Add(fragment);
            _stack.Push((null, true));
        }
    }
}
