using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>What declarations declare: fields, constructors by the arguments they take, member values and their types, conversions, method names.</summary>
    internal sealed partial class ReachWalker
    {
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
                ConversionTypes.Add(type);
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
