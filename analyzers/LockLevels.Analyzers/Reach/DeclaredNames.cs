using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        /// <summary>
        /// The names, the types a mention of which may call a source implicit conversion (<see cref="ConversionTypes"/>), and
        /// each type declaration's name with the names in its base list (the first pass's one record of them).
        /// </summary>
        public static (HashSet<string> Names, HashSet<string> ConversionTypes, List<KeyValuePair<string, string[]>> TypeBases) Of(IReadOnlyList<SyntaxTree> trees, HashSet<string> referenced, CancellationToken cancellationToken)
        {
            var scan = new Scan(referenced);
            var names = scan.Names;
            foreach (var api in ReachNames.LockApis)
            {
                names.Add(ReachNames.Method(api));
                names.Add(ReachNames.Inherited(api));
            }

            foreach (var tree in trees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
                {
                    AddAliases(root.Usings, names);
                    scan.AddMembers(root.Members, string.Empty);
                }
            }

            return (names, Reach.ConversionTypes.Close(scan.Converted, scan.TypeBases), scan.TypeBases);
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

        private static void AddTypeName(TypeSyntax? type, HashSet<string> names)
        {
            if (type != null && ReachWalker.RightmostName(type) is { } name)
            {
                names.Add(name);
            }
        }

        private static void AddConvertedName(TypeSyntax? type, ConversionOperatorDeclarationSyntax conversion, HashSet<string> names)
        {
            if (ReachSyntax.ConvertedTypeName(type, conversion) is { } name)
            {
                names.Add(name);
            }
        }

        /// <summary>What one scan of declarations collects.</summary>
        private sealed class Scan
        {
            public Scan(HashSet<string> referenced) => Names = new HashSet<string>(referenced, System.StringComparer.Ordinal);

            public HashSet<string> Names { get; }

            /// <summary>The types implicit conversions and true/false operators convert between, before their closure.</summary>
            public HashSet<string> Converted { get; } = new(System.StringComparer.Ordinal);

            public List<KeyValuePair<string, string[]>> TypeBases { get; } = new();

            public void AddMembers(SyntaxList<MemberDeclarationSyntax> members, string typeName)
            {
                foreach (var member in members)
                {
                    switch (member)
                    {
                        case BaseNamespaceDeclarationSyntax ns:
                            AddAliases(ns.Usings, Names);
                            AddMembers(ns.Members, typeName);
                            break;
                        case TypeDeclarationSyntax type:
                            Names.Add(type.Identifier.ValueText);
                            AddBases(type, Names);
                            AddMembers(type.Members, type.Identifier.ValueText);
                            break;
                        case EnumDeclarationSyntax @enum:
                            Names.Add(@enum.Identifier.ValueText);
                            break;
                        case DelegateDeclarationSyntax @delegate:
                            Names.Add(@delegate.Identifier.ValueText);
                            break;
                        case MethodDeclarationSyntax method:
                            Names.Add(ReachNames.Method(method.Identifier.ValueText));
                            break;
                        case PropertyDeclarationSyntax property:
                            Names.Add(property.Identifier.ValueText);
                            break;
                        case EventDeclarationSyntax @event:
                            Names.Add(@event.Identifier.ValueText);
                            break;
                        case BaseFieldDeclarationSyntax field:
                            foreach (var variable in field.Declaration.Variables)
                            {
                                Names.Add(variable.Identifier.ValueText);
                            }

                            break;
                        case DestructorDeclarationSyntax:
                            Names.Add("Finalize");
                            break;
                        case ConversionOperatorDeclarationSyntax conversion:
                            // The types it converts between, which a body's mention of makes it call the conversion.
                            AddTypeName(conversion.Type, Names);
                            foreach (var parameter in conversion.ParameterList.Parameters)
                            {
                                AddTypeName(parameter.Type, Names);
                            }

                            if (conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword))
                            {
                                Converted.Add(typeName);
                                AddConvertedName(conversion.Type, conversion, Converted);
                                foreach (var parameter in conversion.ParameterList.Parameters)
                                {
                                    AddConvertedName(parameter.Type, conversion, Converted);
                                }
                            }

                            break;
                        case OperatorDeclarationSyntax op when op.OperatorToken.IsKind(SyntaxKind.TrueKeyword) || op.OperatorToken.IsKind(SyntaxKind.FalseKeyword):
                            Converted.Add(typeName);
                            break;
                    }
                }
            }

            /// <summary>A base of another assembly may still be a type an implicit conversion converts to (<see cref="ConversionTypes"/>).</summary>
            private void AddBases(TypeDeclarationSyntax type, HashSet<string> names)
            {
                if (type.BaseList == null)
                {
                    return;
                }

                var bases = new string[type.BaseList.Types.Count];
                for (int i = 0; i < bases.Length; i++)
                {
                    bases[i] = ReachWalker.RightmostName(type.BaseList.Types[i].Type) ?? string.Empty;
                    names.Add(bases[i]);
                }

                TypeBases.Add(new KeyValuePair<string, string[]>(type.Identifier.ValueText, bases));
            }
        }
    }
}
