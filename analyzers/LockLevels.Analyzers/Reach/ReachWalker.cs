using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// One walk of one syntax tree: its units (members, types, top-level statements and the
    /// fragments in them), what each declares and refers to, and the tree's contribution to the
    /// compilation-wide name sets. Reads syntax only; safe to run on many trees at once.
    /// </summary>
    internal sealed partial class ReachWalker
    {
        private readonly CancellationToken _cancellationToken;
        private readonly List<ReachUnit> _active = new(2);
        private readonly Stack<(SyntaxNode? Node, bool ExitFragment)> _stack = new();
        private string _typeName = string.Empty;
        private string? _baseTypeName;
        private ReachUnit? _topLevel;
        private int _steps;
        private int _serial;
        private readonly Dictionary<string, int> _memberStamps = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, int> _fragmentStamps = new(System.StringComparer.Ordinal);

        private ReachWalker(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public List<ReachUnit> Units { get; } = new();

        /// <summary>The nodes <see cref="LockReach.MayMatter"/> finds by walking up, and their units.</summary>
        public List<KeyValuePair<SyntaxNode, ReachUnit>> Keys { get; } = new();

        /// <summary>A field's declaration unit (its attributes) and its initializer unit: either matters for the field.</summary>
        public List<KeyValuePair<ReachUnit, ReachUnit>> Partners { get; } = new();

        /// <summary>Names declared as values (fields, properties, events, locals, parameters, range variables): invoking one invokes a delegate.</summary>
        public HashSet<string> ValueNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Names declared as methods or local functions.</summary>
        public HashSet<string> MethodNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Simple names used other than as the called name of an invocation: method groups among them become delegates.</summary>
        public HashSet<string> UninvokedNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Local functions and lambdas written with attributes, which symbol actions never visit.</summary>
        public List<SyntaxNode> AttributedFunctions { get; } = new();

        /// <summary>Names passed or stored as values (<c>Run(Work)</c>, <c>Action a = x.Work</c>): method groups a delegate may call.</summary>
        public HashSet<string> PassedNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Types marked [InterpolatedStringHandler]: a <c>$"..."</c> may construct them.</summary>
        public HashSet<string> HandlerTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Each type declaration's name and the names in its base list: creating a derived type makes its bases live.</summary>
        public List<KeyValuePair<string, string[]>> TypeBases { get; } = new();

        /// <summary><c>using Alias = Ns.Target;</c>: (Alias, Target).</summary>
        public List<KeyValuePair<string, string>> Aliases { get; } = new();

        public static ReachWalker Walk(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var walker = new ReachWalker(cancellationToken);
            walker.WalkTree(tree);
            return walker;
        }

        /// <summary>
        /// Walks trees [from, to) into one walker: its name sets and stamps serve them all, so a
        /// compilation of a thousand small files pays for a few sets, not thousands.
        /// </summary>
        public static ReachWalker Walk(IReadOnlyList<SyntaxTree> trees, int from, int to, CancellationToken cancellationToken)
        {
            var walker = new ReachWalker(cancellationToken);
            for (int i = from; i < to; i++)
            {
                walker.WalkTree(trees[i]);
            }

            return walker;
        }

        private void WalkTree(SyntaxTree tree)
        {
            // Top-level statements are one unit per file (only one file may have them).
            _topLevel = null;
            _typeName = string.Empty;
            _baseTypeName = null;
            if (tree.GetRoot(_cancellationToken) is CompilationUnitSyntax root)
            {
                WalkUsings(root.Usings);
                WalkMembers(root.Members);
            }
        }

        private void WalkUsings(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias != null && directive.Name != null)
                {
                    Aliases.Add(new KeyValuePair<string, string>(directive.Alias.Name.Identifier.ValueText, RightmostName(directive.Name)));
                }
            }
        }

        private void WalkMembers(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                WalkMember(member);
            }
        }

        private void WalkMember(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    WalkUsings(ns.Usings);
                    WalkMembers(ns.Members);
                    return;
                case GlobalStatementSyntax global:
                    _topLevel ??= NewUnit(ReachUnitKind.TopLevel, null);
                    Keys.Add(new KeyValuePair<SyntaxNode, ReachUnit>(global, _topLevel));
                    WalkBody(global, _topLevel);
                    return;
                case TypeDeclarationSyntax type:
                    WalkType(type);
                    return;
                case EnumDeclarationSyntax @enum:
                    WalkBody(@enum, NewUnit(ReachUnitKind.Type, @enum, @enum.Identifier.ValueText));
                    return;
                case BaseFieldDeclarationSyntax field:
                    WalkField(field);
                    return;
            }

            var unit = NewUnit(ReachUnitKind.Member, member);
            switch (member)
            {
                case MethodDeclarationSyntax method:
                    unit.Declare(method.Identifier.ValueText);
                    MethodNames.Add(method.Identifier.ValueText);
                    break;
                case ConstructorDeclarationSyntax constructor:
                    // new T(...) names the type; new(), base(...) and collection expressions name no type.
                    unit.Declare(_typeName);
                    if (!constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        unit.Declare(ReachNames.AnyConstructor);
                    }

                    // A constructor runs the instance initializers and, implicitly or not, a base constructor: the type unit stands for both.
                    unit.Refer(_typeName);
                    break;
                case DestructorDeclarationSyntax:
                    unit.Declare("Finalize");
                    break;
                case OperatorDeclarationSyntax op:
                    unit.Declare(op.OperatorToken.IsKind(SyntaxKind.TrueKeyword) || op.OperatorToken.IsKind(SyntaxKind.FalseKeyword) ? ReachNames.Anywhere : ReachNames.Operator);
                    break;
                case ConversionOperatorDeclarationSyntax conversion:
                    unit.Declare(conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword) ? ReachNames.Anywhere : ReachNames.ExplicitConversion);
                    break;
                case PropertyDeclarationSyntax property:
                    unit.Declare(property.Identifier.ValueText);
                    ValueNames.Add(property.Identifier.ValueText);
                    if (property.Initializer != null)
                    {
                        // The initializer runs in the constructors, not when the property is read.
                        var initializer = NewUnit(ReachUnitKind.Member, property.Initializer, _typeName);
                        Partners.Add(new KeyValuePair<ReachUnit, ReachUnit>(unit, initializer));
                        WalkBody(property.Initializer, initializer);
                        WalkBodyExcept(property, unit, property.Initializer);
                        return;
                    }

                    break;
                case IndexerDeclarationSyntax:
                    unit.Declare(ReachNames.Indexer);
                    break;
                case EventDeclarationSyntax @event:
                    unit.Declare(@event.Identifier.ValueText);
                    ValueNames.Add(@event.Identifier.ValueText);
                    break;
            }

            WalkBody(member, unit);
        }

        private void WalkType(TypeDeclarationSyntax type)
        {
            var outer = _typeName;
            var outerBase = _baseTypeName;
            _typeName = type.Identifier.ValueText;
            _baseTypeName = type.BaseList is { Types: { Count: > 0 } bases } ? RightmostName(bases[0].Type) : null;
            if (type.BaseList != null)
            {
                var names = new string[type.BaseList.Types.Count];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = RightmostName(type.BaseList.Types[i].Type) ?? string.Empty;
                }

                TypeBases.Add(new KeyValuePair<string, string[]>(_typeName, names));
            }

            // The type itself: its implicit constructors, primary constructor and base-constructor arguments.
            var unit = NewUnit(ReachUnitKind.Type, type, _typeName);
            unit.Declare(ReachNames.AnyConstructor);
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
        }

        private void WalkField(BaseFieldDeclarationSyntax field)
        {
            // The declaration (its attributes: [Lock]) and the initializers are apart: an initializer
            // runs in the constructors, so it declares the type's name, not the field's (reading the
            // field runs nothing); a [Lock] attribute makes the field's name matter, not the type's.
            var declaration = NewUnit(ReachUnitKind.Member, field);
            ReachUnit? initializers = null;
            foreach (var attribute in field.AttributeLists)
            {
                WalkBody(attribute, declaration);
            }

            foreach (var variable in field.Declaration.Variables)
            {
                var name = variable.Identifier.ValueText;
                declaration.Declare(name);
                ValueNames.Add(name);
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

        private ReachUnit NewUnit(ReachUnitKind kind, SyntaxNode? key, string? declares = null)
        {
            var unit = new ReachUnit(kind, ++_serial) { ContainingType = kind == ReachUnitKind.Member ? _typeName : null };
            if (declares != null)
            {
                unit.Declare(declares);
            }

            Units.Add(unit);
            if (key != null)
            {
                Keys.Add(new KeyValuePair<SyntaxNode, ReachUnit>(key, unit));
            }

            return unit;
        }

        /// <summary>The type a type syntax names, for the constructor it may call; null for predefined types and other shapes.</summary>
        internal static string? RightmostName(TypeSyntax type)
            => type switch
            {
                NameSyntax name => RightmostName(name),
                NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
                _ => null,
            };

        private static string RightmostName(NameSyntax name)
            => name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => name.ToString(),
            };
    }
}
