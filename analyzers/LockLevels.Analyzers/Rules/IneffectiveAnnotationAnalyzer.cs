using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0909: a LockLevels attribute that compiles where it is written but does nothing there, because
    /// the analysis never sees that kind of member called the way the attribute speaks of: a finalizer
    /// or static constructor (the runtime runs them), a lambda (a delegate invokes it), a property,
    /// indexer or event accessor, an operator, and, for the long-term claim anchors, anything but an
    /// ordinary method with a body. Each case says why at the attribute.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IneffectiveAnnotationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.IneffectiveAnnotation);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
            {
                AnnotationRule.RegisterForMethods(start, (method, report, cancellationToken) => Check(method, compilation.Symbols, report, cancellationToken));
            });
        }

        private static void Check(IMethodSymbol method, LockSymbols symbols, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var attribute in method.GetAttributes())
            {
                var type = attribute.AttributeClass;
                if (type == null || type.ContainingNamespace?.Name != "LockLevels")
                {
                    continue;
                }

                if (ReasonFor(method, type, symbols) is { } reason)
                {
                    report(Diagnostic.Create(Descriptors.IneffectiveAnnotation, AnnotationLocations.OfAttribute(attribute, cancellationToken),
                        ShortName(type), KindOf(method), reason));
                }
            }
        }

        /// <summary>Why the attribute does nothing on this member, or null where it works.</summary>
        private static string? ReasonFor(IMethodSymbol method, INamedTypeSymbol attribute, LockSymbols symbols)
        {
            bool acquires = Is(attribute, symbols.Acquires), releases = Is(attribute, symbols.Releases), might = Is(attribute, symbols.MightAcquire);
            bool held = Is(attribute, symbols.CalledWithLocksHeld), notHeld = Is(attribute, symbols.CalledWithLocksNotHeld);
            bool callSite = acquires || releases || might || notHeld;
            if (Is(attribute, symbols.LockSetup) || Is(attribute, symbols.LockTeardown))
            {
                // The long-term claim fix looks for these on the type's ordinary methods, and writes into their bodies.
                return method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsExtern || method.ContainingType?.TypeKind == TypeKind.Interface
                    ? "the long-term claim fix places claims only in an ordinary method with a body, declared in a class or struct"
                    : null;
            }

            switch (method.MethodKind)
            {
                case MethodKind.Destructor when held:
                    return "the runtime runs a finalizer on its own thread, with no lock of this program held";
                case MethodKind.Destructor when callSite:
                    return "no code calls a finalizer; the runtime runs it on its own thread";
                case MethodKind.StaticConstructor when held || notHeld:
                    return "the runtime runs a static constructor at the type's first use, which no call site shows";
                case MethodKind.AnonymousFunction when held:
                    return "a lambda runs wherever its delegate is invoked, and its body is analysed with nothing held";
                case MethodKind.AnonymousFunction when acquires || releases:
                    return "a call through a delegate is not seen to leave the level held or released";
                case MethodKind.PropertyGet or MethodKind.PropertySet when acquires || releases:
                    return "a use of a property or indexer is not seen to leave the level held or released";
                case MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise when held || callSite:
                    return "subscribing to or unsubscribing from an event is not followed as a call";
                case MethodKind.UserDefinedOperator or MethodKind.Conversion when callSite:
                    return "uses of an operator or conversion are not followed as calls";
                default:
                    return null;
            }
        }

        private static bool Is(INamedTypeSymbol attribute, INamedTypeSymbol? known) => known != null && SymbolEqualityComparer.Default.Equals(attribute, known);

        private static string ShortName(INamedTypeSymbol attribute)
        {
            var name = attribute.Name;
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private static string KindOf(IMethodSymbol method)
            => method.MethodKind switch
            {
                MethodKind.Destructor => "a finalizer",
                MethodKind.StaticConstructor => "a static constructor",
                MethodKind.AnonymousFunction => "a lambda",
                MethodKind.LocalFunction => "a local function",
                MethodKind.PropertyGet or MethodKind.PropertySet => "an accessor",
                MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an event accessor",
                MethodKind.UserDefinedOperator => "an operator",
                MethodKind.Conversion => "a conversion operator",
                MethodKind.Constructor => "a constructor",
                _ when method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface => "a member without a body",
                _ when method.IsExtern => "an extern method",
                _ => "this method",
            };
    }
}
