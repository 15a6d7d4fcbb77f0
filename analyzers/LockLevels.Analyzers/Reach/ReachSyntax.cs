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

        /// <summary>
        /// <c>Run(N)</c>, <c>Action a = x.N</c>, <c>d = N</c>, <c>return N</c>, <c>(Action)N</c>, <c>c ? N : M</c>,
        /// <c>{ N }</c>, <c>&amp;N</c>: the name is a value passed, stored or returned, in a slot where a method group
        /// becomes a delegate (or a function pointer) if it names a method. A method group can stand nowhere
        /// else: read, compared or dotted into, the name is a value.
        /// </summary>
        public static bool IsPassedName(SyntaxNode name)
        {
            SyntaxNode value = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                value = parenthesized;
            }

            return value.Parent switch
            {
                // Returned or stored where the declared type is no delegate's (bool IsOpen => path.Open): a value.
                ArrowExpressionClauseSyntax arrow => MayHoldDelegate(ReturnedType(arrow.Parent) ?? UnknownType),
                ReturnStatementSyntax statement => MayHoldDelegate(ReturnedType(FunctionOf(statement)) ?? UnknownType),
                EqualsValueClauseSyntax initializer => MayHoldDelegate(initializer.Parent switch
                {
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                    PropertyDeclarationSyntax property => property.Type,
                    ParameterSyntax parameter => parameter.Type,
                    _ => null,
                }),
                ArgumentSyntax or YieldStatementSyntax or InitializerExpressionSyntax or ExpressionElementSyntax => true,
                AssignmentExpressionSyntax assignment => assignment.Right == value,
                CastExpressionSyntax cast => cast.Expression == value,
                ConditionalExpressionSyntax conditional => conditional.Condition != value,
                SwitchExpressionArmSyntax arm => arm.Expression == value,
                BinaryExpressionSyntax coalesce => coalesce.IsKind(SyntaxKind.CoalesceExpression),
                AnonymousFunctionExpressionSyntax function => function.ExpressionBody == value,
                PrefixUnaryExpressionSyntax addressOf => addressOf.IsKind(SyntaxKind.AddressOfExpression),
                _ => false,
            };
        }

        /// <summary>
        /// The receiver of <c>R.N(...)</c> when it is a predefined type or a chain of plain identifiers, from
        /// <c>this</c> or not (<c>x</c>, <c>Math</c>, <c>System.Threading.Monitor</c>, <c>this._owner.Settings</c>):
        /// what it is is told once the walk is over. Null for any other receiver.
        /// </summary>
        public static ExpressionSyntax? ReceiverChain(SyntaxNode name)
            => name.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access && access.Name == name
                && IsReceiverChain(access.Expression) ? access.Expression : null;

        /// <summary>A predefined type, an identifier, or a chain of identifiers after either or after <c>this</c>.</summary>
        public static bool IsReceiverChain(ExpressionSyntax expression)
        {
            for (var part = expression; ; part = ((MemberAccessExpressionSyntax)part).Expression)
            {
                switch (part)
                {
                    case PredefinedTypeSyntax:
                    case IdentifierNameSyntax:
                        return true;
                    case ThisExpressionSyntax:
                        // this._owner.Close(); this.Close() is a call in this type's scope.
                        return part != expression;
                    case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax }:
                        continue;
                    default:
                        return false;
                }
            }
        }

        /// <summary>Marks a recorded type name as generic (<see cref="TypeNameOf"/>).</summary>
        public const string GenericSuffix = "<>";

        /// <summary>
        /// A declared type as the first pass records it: its simple name (with <see cref="GenericSuffix"/> when
        /// it has type arguments), empty for a type no source can define (predefined, array, tuple, pointer),
        /// null when the syntax does not say (<c>var</c>, none).
        /// </summary>
        public static string? TypeNameOf(TypeSyntax? type)
            => type switch
            {
                null => null,
                { IsVar: true } => null,
                IdentifierNameSyntax { Identifier.ValueText: "dynamic" } => null,
                PredefinedTypeSyntax or ArrayTypeSyntax or TupleTypeSyntax or PointerTypeSyntax => string.Empty,
                NullableTypeSyntax nullable => TypeNameOf(nullable.ElementType),
                RefTypeSyntax reference => TypeNameOf(reference.Type),
                ScopedTypeSyntax scoped => TypeNameOf(scoped.Type),
                NameSyntax name when ReachWalker.RightmostName(name) is { } simple => HasTypeArguments(name) ? simple + GenericSuffix : simple,
                _ => null,
            };

        /// <summary>The type a <c>var</c> local takes from its initializer when the syntax spells it: <c>new T(...)</c>, <c>(T)x</c>, <c>x as T</c>.</summary>
        public static string? TypeNameOf(ExpressionSyntax? initializer)
            => initializer switch
            {
                ObjectCreationExpressionSyntax creation => TypeNameOf(creation.Type),
                CastExpressionSyntax cast => TypeNameOf(cast.Type),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression, Right: TypeSyntax asType } => TypeNameOf(asType),
                _ => null,
            };

        /// <summary>The first identifier of a receiver chain; null for a predefined type or <c>this</c>.</summary>
        public static string? LeftmostName(ExpressionSyntax receiver)
        {
            var part = receiver;
            while (part is MemberAccessExpressionSyntax access)
            {
                part = access.Expression;
            }

            return (part as IdentifierNameSyntax)?.Identifier.ValueText;
        }

        /// <summary><c>this.a.b</c>.</summary>
        public static bool StartsWithThis(ExpressionSyntax receiver)
        {
            var part = receiver;
            while (part is MemberAccessExpressionSyntax access)
            {
                part = access.Expression;
            }

            return part is ThisExpressionSyntax;
        }

        /// <summary><c>value</c> in a setter, <c>field</c> in a property, <c>args</c> at the top level: parameters no declaration spells.</summary>
        public static bool IsImplicitParameter(ExpressionSyntax receiver)
            => LeftmostName(receiver) is "value" or "field" or "args";

        /// <summary>
        /// The name of a type a conversion operator converts from or to, as a body's mention of it reads; null for a
        /// predefined type, and for a type parameter of the type declaring the operator (<c>T</c> in <c>Option&lt;T&gt;</c>'s
        /// <c>implicit operator Option&lt;T&gt;(T value)</c>): the other side of every user-defined conversion is the
        /// declaring type, whose mentions stand for the conversion, and a type named <c>T</c> elsewhere is another
        /// type parameter.
        /// </summary>
        public static string? ConvertedTypeName(TypeSyntax? type, ConversionOperatorDeclarationSyntax conversion)
            => type == null || IsOwnTypeParameter(type, conversion) ? null : ReachWalker.RightmostName(type);

        private static bool IsOwnTypeParameter(TypeSyntax type, ConversionOperatorDeclarationSyntax conversion)
        {
            if ((type is NullableTypeSyntax nullable ? nullable.ElementType : type) is not IdentifierNameSyntax name
                || conversion.Parent is not TypeDeclarationSyntax { TypeParameterList: { } parameters })
            {
                return false;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name.Identifier.ValueText)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A type with type arguments anywhere in it.</summary>
        public static bool HasTypeArguments(TypeSyntax type)
        {
            foreach (var node in type.DescendantNodesAndSelf())
            {
                if (node is TypeArgumentListSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False for a declared type no delegate can have: a predefined type, an array, a tuple, a pointer (so a field <c>const byte Parse</c> is no delegate a call <c>x.Parse()</c> may invoke); true when the syntax does not say (<c>var</c>, an untyped lambda parameter).</summary>
        public static bool MayHoldDelegate(TypeSyntax? type)
            => type switch
            {
                PredefinedTypeSyntax or ArrayTypeSyntax or TupleTypeSyntax or PointerTypeSyntax => false,
                NullableTypeSyntax nullable => MayHoldDelegate(nullable.ElementType),
                RefTypeSyntax reference => MayHoldDelegate(reference.Type),
                ScopedTypeSyntax scoped => MayHoldDelegate(scoped.Type),
                _ => true,
            };

        /// <summary>Stands for a type the syntax does not give, to <see cref="MayHoldDelegate"/>.</summary>
        private static readonly TypeSyntax UnknownType = SyntaxFactory.IdentifierName("?");

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
            var type = creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                ArrowExpressionClauseSyntax arrow => ReturnedType(arrow.Parent),
                ReturnStatementSyntax statement => ReturnedType(FunctionOf(statement)),
                _ => null,
            };
            return type is { IsVar: true } ? null : type;
        }

        /// <summary>The innermost function a statement returns from: a member, accessor, local function or lambda.</summary>
        private static SyntaxNode? FunctionOf(SyntaxNode node)
        {
            for (var parent = node.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
                {
                    return parent;
                }
            }

            return null;
        }

        /// <summary>
        /// The type a function's return value is converted to, as declared (a property's for its getter);
        /// null for lambdas, async functions (whose declared type is the task) and anything else.
        /// </summary>
        private static TypeSyntax? ReturnedType(SyntaxNode? function)
            => function switch
            {
                MethodDeclarationSyntax method when !method.Modifiers.Any(SyntaxKind.AsyncKeyword) => method.ReturnType,
                LocalFunctionStatementSyntax local when !local.Modifiers.Any(SyntaxKind.AsyncKeyword) => local.ReturnType,
                OperatorDeclarationSyntax op => op.ReturnType,
                ConversionOperatorDeclarationSyntax conversion => conversion.Type,
                PropertyDeclarationSyntax property => property.Type,
                IndexerDeclarationSyntax indexer => indexer.Type,
                AccessorDeclarationSyntax { RawKind: (int)SyntaxKind.GetAccessorDeclaration, Parent.Parent: BasePropertyDeclarationSyntax owner } => owner.Type,
                _ => null,
            };
    }
}
