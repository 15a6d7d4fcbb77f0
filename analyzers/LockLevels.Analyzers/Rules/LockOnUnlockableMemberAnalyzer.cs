using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0904: [Lock] on a field or property of a value type, which no locking API can take; a custom lock
    /// struct with receiver-level [Acquires]/[Releases] methods is a lock and is accepted.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LockOnUnlockableMemberAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LockOnUnlockableMember);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
                start.RegisterSymbolAction(symbol => Check(symbol, compilation), SymbolKind.Field, SymbolKind.Property));
        }

        private static void Check(SymbolAnalysisContext context, CompilationIndex compilation)
        {
            var type = context.Symbol switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };

            if (type == null || !type.IsValueType || type.TypeKind == TypeKind.Error || IsCustomLock(type, compilation))
            {
                return;
            }

            foreach (var attribute in context.Symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, compilation.Symbols.Lock))
                {
                    var levels = AnnotationReader.Levels(attribute, false, null);
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.LockOnUnlockableMember,
                        AnnotationLocations.OfAttribute(attribute, context.CancellationToken),
                        levels.Count > 0 ? levels[0].Level : string.Empty, context.Symbol.Name, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                }
            }
        }

        /// <summary>A type whose own methods take and drop the level of the object they are called on.</summary>
        internal static bool IsCustomLock(ITypeSymbol type, CompilationIndex compilation)
        {
            if (compilation.Annotations.ClassLevelOf(type) != null)
            {
                return true;
            }

            foreach (var member in type.OriginalDefinition.GetMembers())
            {
                if (member is IMethodSymbol method && compilation.Annotations.ForMethod(method).IsReceiverLevel)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
