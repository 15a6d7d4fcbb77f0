using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>What declarations declare: types (their scope, bases and constructors), fields, constructors by the arguments they take, member values and their types, conversions, method names.</summary>
    internal sealed partial class ReachWalker
    {
        private void WalkType(TypeDeclarationSyntax type)
        {
            var outer = _typeName;
            var outerBase = _baseTypeName;
            var outerScope = _typeScope;
            var outerBaseScope = _baseScope;
            var outerExtensions = _inExtensions;

            // C# 14's extension(T t) { ... }: its members are called on a receiver, like extension methods.
            _inExtensions = type.Keyword.ValueText == "extension";
            _typeName = type.Identifier.ValueText;
            DeclaredTypes.Add(_typeName);
            if (type.TypeParameterList != null)
            {
                foreach (var parameter in type.TypeParameterList.Parameters)
                {
                    TypeParameterNames.Add(parameter.Identifier.ValueText);
                }
            }

            _typeScope = new TypeScope(_typeName, outerScope, basesOnly: false);
            _baseScope = new TypeScope(_typeName, null, basesOnly: true);
            _baseTypeName = type.BaseList is { Types: { Count: > 0 } bases } ? RightmostName(bases[0].Type) : null;
            if (type.BaseList != null)
            {
                foreach (var baseType in type.BaseList.Types)
                {
                    if (ReachSyntax.HasTypeArguments(baseType.Type))
                    {
                        GenericBaseTypes.Add(_typeName);
                    }
                }
            }

            // The type itself: its implicit constructors, primary constructor and base-constructor arguments.
            var unit = NewUnit(ReachUnitKind.Type, type, _typeName);
            DeclareConstructor(unit, type.ParameterList);
            foreach (var attribute in type.AttributeLists)
            {
                WalkBody(attribute, unit);
            }

            if (type.ParameterList != null)
            {
                WalkBody(type.ParameterList, unit);
            }

            if (type.BaseList != null)
            {
                WalkBody(type.BaseList, unit);
            }

            foreach (var attributeList in type.AttributeLists)
            {
                foreach (var attribute in attributeList.Attributes)
                {
                    if (ReachNames.IsInterpolatedStringHandlerAttribute(RightmostName(attribute.Name)))
                    {
                        HandlerTypes.Add(_typeName);
                    }
                }
            }

            WalkMembers(type.Members);
            _typeName = outer;
            _baseTypeName = outerBase;
            _typeScope = outerScope;
            _baseScope = outerBaseScope;
            _inExtensions = outerExtensions;
        }

        private void WalkField(BaseFieldDeclarationSyntax field)
        {
            // The declaration (its attributes: [Lock]) and the initializers are apart: an initializer
            // runs in the constructors, so it declares the type's name, not the field's (reading the
            // field runs nothing); a [Lock] attribute makes the field's name matter, not the type's.
            var declaration = NewUnit(ReachUnitKind.Member, field);
            MentionTypesIn(field.Declaration.Type, declaration);
            ReachUnit? initializers = null;
            foreach (var attribute in field.AttributeLists)
            {
                WalkBody(attribute, declaration);
            }

            foreach (var variable in field.Declaration.Variables)
            {
                var name = variable.Identifier.ValueText;
                declaration.Declare(name);
                MemberValue(name, field.Declaration.Type);
                if (variable.Initializer != null)
                {
                    if (initializers == null)
                    {
                        initializers = NewUnit(ReachUnitKind.Member, null, _typeName);
                        Partners.Add(new KeyValuePair<ReachUnit, ReachUnit>(declaration, initializers));
                    }

                    Keys.Add(new KeyValuePair<SyntaxNode, ReachUnit>(variable.Initializer, initializers));
                    WalkBody(variable.Initializer, initializers);
                }

                if (variable.ArgumentList != null)
                {
                    WalkBody(variable.ArgumentList, declaration);
                }
            }
        }

        /// <summary>The argument counts a constructor (or a type's implicit or primary one, for a null or given list) accepts.</summary>
        private static void DeclareConstructor(ReachUnit unit, ParameterListSyntax? parameters)
        {
            int required = 0, total = 0;
            bool hasParams = false;
            if (parameters != null)
            {
                foreach (var parameter in parameters.Parameters)
                {
                    if (parameter.Modifiers.Any(SyntaxKind.ParamsKeyword))
                    {
                        hasParams = true;
                    }
                    else
                    {
                        total++;
                        required += parameter.Default == null ? 1 : 0;
                    }
                }
            }

            for (int count = required; count <= total; count++)
            {
                unit.Declare(ReachNames.Constructor(count));
            }

            if (hasParams)
            {
                unit.Declare(ReachNames.ParamsConstructor);
            }
        }

        /// <summary>A field, property or primary constructor parameter: a delegate invoked by its name, unless its type says it holds none.</summary>
        internal void MemberValue(string name, TypeSyntax? type)
        {
            MemberNames.Add(name);
            MemberTypes.Add((_typeName, name, ReachSyntax.TypeNameOf(type)));
            if (!ReachSyntax.MayHoldDelegate(type))
            {
                return;
            }

            if (type != null && RightmostName(type) is { } typeName)
            {
                TypedValueNames.Add(new KeyValuePair<string, string>(name, typeName));
            }
            else
            {
                ValueNames.Add(name);
            }
        }

        private void DeclareConversion(ReachUnit unit, string? type)
        {
            if (type is { Length: > 0 })
            {
                unit.Declare(ReachNames.Conversion(type));
            }
        }

        /// <summary><see cref="ReachNames.Method"/>, made once per name and walker.</summary>
        private string MethodForm(string name)
        {
            if (!_methodForms.TryGetValue(name, out var form))
            {
                _methodForms.Add(name, form = ReachNames.Method(name));
            }

            return form;
        }
    }
}
