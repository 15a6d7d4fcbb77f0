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
        private TypeScope? _typeScope;
        private TypeScope? _baseScope;
        private bool _usingStatic;
        private bool _inExtensions;
        private ReachUnit? _topLevel;
        private int _steps;
        private int _serial;
        private readonly Dictionary<string, int> _memberStamps = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, int> _fragmentStamps = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string> _methodForms = new(System.StringComparer.Ordinal);

        // The locals, parameters and range variables of the unit being walked, and the units (it and its fragments) walked.
        private readonly Dictionary<string, string?> _locals = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _delegateLocals = new(System.StringComparer.Ordinal);
        private readonly List<(ReachUnit Caller, ReceiverCall Call)> _receiverCalls = new();
        private readonly List<ReachUnit> _walked = new(2);

        // The names some unit may declare, and the types a mention of which may call an implicit conversion
        // (DeclaredNames); null keeps every name and mention.
        private readonly HashSet<string>? _declared;
        private readonly HashSet<string>? _converted;

        private ReachWalker(CancellationToken cancellationToken, HashSet<string>? declared = null, HashSet<string>? converted = null)
        {
            _cancellationToken = cancellationToken;
            _declared = declared;
            _converted = converted;
        }

        public List<ReachUnit> Units { get; } = new();

        /// <summary>The nodes <see cref="LockReach.MayMatter"/> finds by walking up, and their units.</summary>
        public List<KeyValuePair<SyntaxNode, ReachUnit>> Keys { get; } = new();

        /// <summary>A field's declaration unit (its attributes) and its initializer unit: either matters for the field.</summary>
        public List<KeyValuePair<ReachUnit, ReachUnit>> Partners { get; } = new();

        /// <summary>
        /// Names of members that may hold a delegate (fields, properties, events) and of primary constructor
        /// parameters: invoking one by that name, anywhere, may invoke a delegate. Locals and parameters count
        /// only in the unit that declares them (<see cref="ReachUnit.InvokesDelegate"/>).
        /// </summary>
        public HashSet<string> ValueNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Members whose declared type is a named type: they hold a delegate unless that type is a class, struct, interface or enum of the compilation (<see cref="DeclaredTypes"/>).</summary>
        public List<KeyValuePair<string, string>> TypedValueNames { get; } = new();

        /// <summary>Every field, property, event and primary constructor parameter declared here: a receiver so named may be of source.</summary>
        public HashSet<string> MemberNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Each field's, property's, event's, primary constructor parameter's and enum member's type, as recorded (<see cref="ReachSyntax.TypeNameOf(TypeSyntax)"/>), by declaring type.</summary>
        public List<(string Type, string Name, string? MemberType)> MemberTypes { get; } = new();

        /// <summary>Names of extension methods (and members of extension blocks).</summary>
        public HashSet<string> ExtensionNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Names of type parameters.</summary>
        public HashSet<string> TypeParameterNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Types with a generic base (<c>class C : Base&lt;Item&gt;</c>): a member inherited from outside may hold a value of source.</summary>
        public HashSet<string> GenericBaseTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>The classes, structs, interfaces, records and enums declared here: types no delegate has.</summary>
        public HashSet<string> DeclaredTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>The delegate types declared here.</summary>
        public HashSet<string> DelegateTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Names declared as methods or local functions.</summary>
        public HashSet<string> MethodNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Local functions and lambdas written with attributes, which symbol actions never visit.</summary>
        public List<SyntaxNode> AttributedFunctions { get; } = new();

        /// <summary>Names in a slot where a method group becomes a delegate (<c>Run(Work)</c>, <c>Action a = x.Work</c>): method groups a delegate may call.</summary>
        public HashSet<string> PassedNames { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Types marked [InterpolatedStringHandler]: a <c>$"..."</c> may construct them.</summary>
        public HashSet<string> HandlerTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>A <c>global using static</c> somewhere: a call without a receiver may name a method of that type in any file.</summary>
        public bool HasGlobalUsingStatic { get; private set; }

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
        /// compilation of a thousand small files pays for a few sets, not thousands. Only the names in
        /// <paramref name="declared"/> (and pseudo-names) are kept as references, and only mentions of the types in
        /// <paramref name="converted"/>.
        /// </summary>
        public static ReachWalker Walk(IReadOnlyList<SyntaxTree> trees, int from, int to, HashSet<string>? declared, HashSet<string>? converted, CancellationToken cancellationToken)
        {
            var walker = new ReachWalker(cancellationToken, declared, converted);
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
            _locals.Clear();
            _delegateLocals.Clear();
            _typeName = string.Empty;
            _baseTypeName = null;
            _typeScope = null;
            _baseScope = null;
            _usingStatic = false;
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
                if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
                {
                    _usingStatic = true;
                    HasGlobalUsingStatic |= directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                }

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
                case DelegateDeclarationSyntax @delegate:
                    DelegateTypes.Add(@delegate.Identifier.ValueText);
                    break;
                case EnumDeclarationSyntax @enum:
                    DeclaredTypes.Add(@enum.Identifier.ValueText);
                    foreach (var enumMember in @enum.Members)
                    {
                        MemberTypes.Add((@enum.Identifier.ValueText, enumMember.Identifier.ValueText, @enum.Identifier.ValueText));
                    }

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
                    unit.Declare(MethodForm(method.Identifier.ValueText));
                    unit.DeclaredMethod = method.Identifier.ValueText;
                    unit.MayBeWrapperMethod = WrapperReach.MayBeWrapperMethod(method);
                    if (_inExtensions || method.ParameterList.Parameters is { Count: > 0 } parameters && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword))
                    {
                        unit.Declare(ReachNames.Extension(method.Identifier.ValueText));
                        ExtensionNames.Add(method.Identifier.ValueText);
                    }

                    MethodNames.Add(method.Identifier.ValueText);
                    break;
                case ConstructorDeclarationSyntax constructor:
                    // new T(...) names the type; new(), base(...) and collection expressions name no type.
                    unit.Declare(_typeName);
                    if (!constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
                    {
                        DeclareConstructor(unit, constructor.ParameterList);
                    }

                    // A constructor runs the instance initializers and, implicitly or not, a base constructor: the type unit stands for both.
                    unit.Refer(_typeName);
                    break;
                case DestructorDeclarationSyntax:
                    unit.Declare("Finalize");
                    break;
                case OperatorDeclarationSyntax op:
                    if (op.OperatorToken.IsKind(SyntaxKind.TrueKeyword) || op.OperatorToken.IsKind(SyntaxKind.FalseKeyword))
                    {
                        // if (x), x && y: a condition of the type tested.
                        DeclareConversion(unit, _typeName);
                    }
                    else if (ReachNames.OperatorName(op.OperatorToken.ValueText) is { } operatorName)
                    {
                        unit.Declare(operatorName);
                    }

                    break;
                case ConversionOperatorDeclarationSyntax conversion:
                    if (conversion.ImplicitOrExplicitKeyword.IsKind(SyntaxKind.ImplicitKeyword))
                    {
                        DeclareConversion(unit, _typeName);
                        DeclareConversion(unit, ReachSyntax.ConvertedTypeName(conversion.Type, conversion));
                        foreach (var parameter in conversion.ParameterList.Parameters)
                        {
                            DeclareConversion(unit, ReachSyntax.ConvertedTypeName(parameter.Type, conversion));
                        }
                    }
                    else
                    {
                        unit.Declare(ReachNames.ExplicitConversion);
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    unit.Declare(property.Identifier.ValueText);
                    MemberValue(property.Identifier.ValueText, property.Type);
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
                    unit.DeclaredMethod = ReachNames.Indexer;
                    break;
                case EventDeclarationSyntax @event:
                    unit.Declare(@event.Identifier.ValueText);
                    ValueNames.Add(@event.Identifier.ValueText);
                    MemberNames.Add(@event.Identifier.ValueText);
                    MemberTypes.Add((_typeName, @event.Identifier.ValueText, ReachSyntax.TypeNameOf(@event.Type)));
                    break;
            }

            WalkBody(member, unit);
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
