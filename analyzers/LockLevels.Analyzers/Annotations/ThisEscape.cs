using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// What a type's declarations say about who else can reach a new object of it and its locks.
    /// Whether constructing a type can hand the new object to someone else before the constructor returns:
    /// <c>this</c> passed or stored, a lambda or a method group (which may capture it), in a constructor,
    /// an instance initializer or an own method they call. Read from declarations only; a base type
    /// declared in another assembly (other than <c>object</c>) is assumed to let it out.
    /// </summary>
    internal static class ThisEscape
    {
        public static bool LetsOutThis(INamedTypeSymbol type)
        {
            var methodNames = new HashSet<string>(System.StringComparer.Ordinal);
            var pending = new Stack<SyntaxNode>();
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (current.DeclaringSyntaxReferences.IsEmpty)
                {
                    return true;
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method)
                    {
                        methodNames.Add(method.Name);
                    }
                }

                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                    {
                        return true;
                    }

                    if (declaration.ParameterList != null)
                    {
                        // A primary constructor's parameters are captured by members that run later.
                        pending.Push(declaration.ParameterList);
                    }

                    foreach (var member in declaration.Members)
                    {
                        if (IsConstructionCode(member))
                        {
                            pending.Push(member);
                        }
                    }
                }
            }

            var visited = new HashSet<SyntaxNode>();
            while (pending.Count > 0)
            {
                var code = pending.Pop();
                if (!visited.Add(code))
                {
                    continue;
                }

                foreach (var node in code.DescendantNodes())
                {
                    switch (node)
                    {
                        case ThisExpressionSyntax when !IsReceiver(node):
                        case AnonymousFunctionExpressionSyntax:
                        case LocalFunctionStatementSyntax:
                            return true;
                        case IdentifierNameSyntax name when methodNames.Contains(name.Identifier.ValueText):
                            if (!IsInvoked(name))
                            {
                                return true;
                            }

                            // An own method the constructor calls runs during construction too.
                            PushMethods(type, name.Identifier.ValueText, pending);
                            break;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// An instance field or auto-property whose every value is made by a <c>new</c> in its own type: its
        /// initializer and every assignment in the type's declarations, when nothing outside the type can
        /// assign it. A lock kept there is the object's own, not one it was handed.
        /// </summary>
        public static bool IsCreatedByItsObject(ISymbol stored)
        {
            bool assignableOutside = stored switch
            {
                IFieldSymbol field => !field.IsReadOnly && field.DeclaredAccessibility != Accessibility.Private,
                IPropertySymbol property => !IsAutoProperty(property) || (property.SetMethod is { } setter && setter.DeclaredAccessibility != Accessibility.Private),
                _ => true,
            };

            if (stored.IsStatic || assignableOutside || stored.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            bool any = false;
            foreach (var reference in stored.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax();
                var initial = declaration switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax autoProperty => autoProperty.Initializer?.Value,
                    _ => null,
                };

                if (initial != null)
                {
                    if (!IsCreation(initial))
                    {
                        return false;
                    }

                    any = true;
                }

                if (declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
                {
                    return false;
                }

                foreach (var node in type.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: var left, Right: var right } && Names(left, stored.Name))
                    {
                        if (!IsCreation(right))
                        {
                            return false;
                        }

                        any = true;
                    }
                    else if (node is ArgumentSyntax { RefKindKeyword.ValueText: "ref" or "out", Expression: var passed } && Names(passed, stored.Name))
                    {
                        return false;
                    }
                }
            }

            return any;
        }

        /// <summary>Every accessor without a body: the value is the one last assigned, not computed.</summary>
        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not PropertyDeclarationSyntax { AccessorList: { } accessors, ExpressionBody: null })
                {
                    return false;
                }

                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.Body != null || accessor.ExpressionBody != null)
                    {
                        return false;
                    }
                }
            }

            return !property.DeclaringSyntaxReferences.IsEmpty;
        }

        private static bool IsCreation(ExpressionSyntax value)
            => value is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax;

        private static bool Names(ExpressionSyntax expression, string name)
            => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
                _ => false,
            };

        private static bool IsConstructionCode(MemberDeclarationSyntax member)
            => member switch
            {
                ConstructorDeclarationSyntax constructor => !IsStatic(constructor.Modifiers),
                FieldDeclarationSyntax field => !IsStatic(field.Modifiers),
                PropertyDeclarationSyntax property => property.Initializer != null && !IsStatic(property.Modifiers),
                EventFieldDeclarationSyntax @event => !IsStatic(@event.Modifiers),
                _ => false,
            };

        private static bool IsStatic(SyntaxTokenList modifiers)
        {
            foreach (var modifier in modifiers)
            {
                if (modifier.ValueText == "static")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>this.X</c>: a member of the object is used, the object itself is not passed.</summary>
        private static bool IsReceiver(SyntaxNode node)
            => node.Parent is MemberAccessExpressionSyntax access && access.Expression == node;

        /// <summary><c>M(...)</c> or <c>this.M(...)</c>: called, not turned into a delegate.</summary>
        private static bool IsInvoked(IdentifierNameSyntax name)
        {
            SyntaxNode called = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            return called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called;
        }

        private static void PushMethods(INamedTypeSymbol type, string name, Stack<SyntaxNode> pending)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    foreach (var reference in member.DeclaringSyntaxReferences)
                    {
                        pending.Push(reference.GetSyntax());
                    }
                }
            }
        }
    }
}
