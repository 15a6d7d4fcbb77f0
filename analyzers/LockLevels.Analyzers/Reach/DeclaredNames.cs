using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Every name a unit of the first pass can declare, read from declarations alone before the bodies are
    /// walked (types and what their base lists name, methods, properties, events, fields, aliases), with
    /// the names of the lock APIs and of referenced annotated members: a body's mention of any other name
    /// (a local, a parameter, a member of another assembly) reaches nothing, and the walk does not keep it.
    /// </summary>
    internal static class DeclaredNames
    {
        public static HashSet<string> Of(IReadOnlyList<SyntaxTree> trees, HashSet<string> referenced, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(referenced, System.StringComparer.Ordinal);
            foreach (var api in ReachNames.LockApis)
            {
                names.Add(ReachNames.Method(api));
            }

            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
                {
                    AddAliases(root.Usings, names);
                    AddMembers(root.Members, names);
                }
            }

            return names;
        }

        private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> names)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias != null)
                {
                    names.Add(directive.Alias.Name.Identifier.ValueText);
                }
            }
        }

        private static void AddMembers(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AddAliases(ns.Usings, names);
                        AddMembers(ns.Members, names);
                        break;
                    case TypeDeclarationSyntax type:
                        names.Add(type.Identifier.ValueText);
                        AddBases(type.BaseList, names);
                        AddMembers(type.Members, names);
                        break;
                    case EnumDeclarationSyntax @enum:
                        names.Add(@enum.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        names.Add(@delegate.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(ReachNames.Method(method.Identifier.ValueText));
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case EventDeclarationSyntax @event:
                        names.Add(@event.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            names.Add(variable.Identifier.ValueText);
                        }

                        break;
                    case DestructorDeclarationSyntax:
                        names.Add("Finalize");
                        break;
                    case ConversionOperatorDeclarationSyntax conversion:
                        // The types it converts between, which a body's mention of makes it call the conversion.
                        AddTypeName(conversion.Type, names);
                        foreach (var parameter in conversion.ParameterList.Parameters)
                        {
                            AddTypeName(parameter.Type, names);
                        }

                        break;
                }
            }
        }

        private static void AddTypeName(TypeSyntax? type, HashSet<string> names)
        {
            if (type != null && ReachWalker.RightmostName(type) is { } name)
            {
                names.Add(name);
            }
        }

        /// <summary>A base of another assembly may still be a type an implicit conversion converts to (<see cref="ConversionTypes"/>).</summary>
        private static void AddBases(BaseListSyntax? bases, HashSet<string> names)
        {
            if (bases == null)
            {
                return;
            }

            foreach (var baseType in bases.Types)
            {
                AddTypeName(baseType.Type, names);
            }
        }
    }
}
