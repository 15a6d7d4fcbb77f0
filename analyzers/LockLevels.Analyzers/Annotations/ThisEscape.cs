using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
    internal static partial class ThisEscape
    {
        /// <summary>How deep an owned helper's own construction is followed (a helper that makes a helper, ...).</summary>
        private const int MaxHelperDepth = 3;

        public static bool LetsOutThis(INamedTypeSymbol type, Compilation compilation) => FirstEscape(type, compilation, depth: 0) != null;

        /// <summary>Stands for a type whose construction cannot be read: any syntax node of the compilation would do.</summary>
        private static SyntaxNode Unreadable(INamedTypeSymbol type)
            => type.DeclaringSyntaxReferences.IsEmpty ? Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IdentifierName(type.Name) : type.DeclaringSyntaxReferences[0].GetSyntax();

        /// <summary>The first construction code that may hand the object out, the type itself when its declarations cannot be read; null when none.</summary>
        internal static SyntaxNode? FirstEscape(INamedTypeSymbol type, Compilation compilation, int depth)
        {
            var methodNames = new HashSet<string>(System.StringComparer.Ordinal);
            var instanceNames = new HashSet<string>(System.StringComparer.Ordinal);
            var pending = new Stack<SyntaxNode>();
            for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (current.DeclaringSyntaxReferences.IsEmpty)
                {
                    if (IsQuietLibraryBase(current))
                    {
                        break;
                    }

                    return Unreadable(type);
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method)
                    {
                        methodNames.Add(method.Name);
                    }

                    if (!member.IsStatic)
                    {
                        instanceNames.Add(member.Name);
                    }
                }

                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
                    {
                        return reference.GetSyntax();
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
                        case ThisExpressionSyntax when !IsReceiver(node) && !IsGivenToOwnedHelper(node, type, compilation, depth):
                        case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when CapturesThis(node, instanceNames) && !IsUnstartedTimerCallback(node):
                            return node;
                        case IdentifierNameSyntax name when methodNames.Contains(name.Identifier.ValueText):
                            if (!IsInvoked(name))
                            {
                                if (IsUnstartedTimerCallback(name))
                                {
                                    break;
                                }

                                return node;
                            }

                            // An own method the constructor calls runs during construction too.
                            PushMethods(type, name.Identifier.ValueText, pending);
                            break;
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Change" } }:
                            // A timer made unstarted may be started here; its callback could then run at once.
                            return node;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// Whether a lambda or local function may capture the object: it names <c>this</c>, <c>base</c> or an
        /// instance member without a receiver. One that uses only its parameters and locals hands out nothing.
        /// </summary>
        private static bool CapturesThis(SyntaxNode function, HashSet<string> instanceNames)
        {
            var modifiers = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                LocalFunctionStatementSyntax local => local.Modifiers,
                _ => default,
            };
            if (IsStatic(modifiers))
            {
                return false;
            }

            foreach (var node in function.DescendantNodes())
            {
                switch (node)
                {
                    case ThisExpressionSyntax:
                    case BaseExpressionSyntax:
                        return true;
                    case IdentifierNameSyntax name when instanceNames.Contains(name.Identifier.ValueText)
                        && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
                        && !(name.Parent is MemberBindingExpressionSyntax)
                        && name.Parent is not NameColonSyntax:
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A base type of the runtime libraries: its constructors are taken not to publish the new object.
        /// EventSource is the exception: its constructor registers the source where listeners reach it.
        /// </summary>
        private static bool IsQuietLibraryBase(INamedTypeSymbol type)
        {
            string assembly = type.ContainingAssembly?.Name ?? "";
            bool runtime = assembly == "System" || assembly == "mscorlib" || assembly == "netstandard" || assembly.StartsWith("System.", System.StringComparison.Ordinal);
            return runtime && !(type.Name == "EventSource" && type.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.Tracing");
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

            return !stored.IsStatic && !assignableOutside && CreationArguments.Creations(stored) != null;
        }

        /// <summary>Every accessor without a body: the value is the one last assigned, not computed.</summary>
        internal static bool IsAutoProperty(IPropertySymbol property)
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
