using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0905: a [Releases] level that nothing in the compilation acquires ([Acquires], [MightAcquire],
    /// [Lock] or [CalledWithLocksHeld]), which can only be a misspelling or a leftover.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReleaseWithoutAcquireAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ReleaseWithoutAcquire);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            AnnotationRule.Register(context, (start, compilation) =>
            {
                var acquired = new ConcurrentDictionary<string, bool>();
                var releases = new ConcurrentQueue<(IMethodSymbol Method, LevelUse Use)>();
                void Collect(IMethodSymbol method)
                {
                    var annotations = compilation.Annotations.ForMethod(method);
                    Add(acquired, annotations.Acquires);
                    Add(acquired, annotations.MightAcquire);
                    Add(acquired, annotations.CalledWithLocksHeld);
                    foreach (var use in annotations.Releases)
                    {
                        releases.Enqueue((method, use));
                    }
                }

                start.RegisterSymbolAction(symbol => Collect((IMethodSymbol)symbol.Symbol), SymbolKind.Method);

                // Local functions and lambdas carry attributes too, but are no symbol-action symbols.
                AnnotationRule.RegisterForFunctions(start, (function, _, _) => Collect(function));
                start.RegisterSymbolAction(symbol =>
                {
                    // A [Lock] class is a level its instances are taken at, like a [Lock] field's.
                    var use = symbol.Symbol is ITypeSymbol type ? compilation.Annotations.ClassLevelOf(type) : compilation.Annotations.LockLevelOf(symbol.Symbol);
                    if (use != null)
                    {
                        acquired.TryAdd(use.Level, true);
                    }
                }, SymbolKind.Field, SymbolKind.Property, SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end =>
                {
                    var reported = new List<(IMethodSymbol, LevelUse)>(releases);
                    bool referencesScanned = false;
                    foreach (var (method, use) in reported)
                    {
                        if (use.Level.Length > 0 && !acquired.ContainsKey(use.Level) && !referencesScanned)
                        {
                            // A level acquired by a referenced assembly's API (sb_start_write in the VFS,
                            // released by a filesystem's wrapper) is acquired in this compilation too.
                            AddReferencedAcquisitions(acquired, end.Compilation, compilation, end.CancellationToken);
                            referencesScanned = true;
                        }

                        if (use.Level.Length > 0 && !acquired.ContainsKey(use.Level))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.ReleaseWithoutAcquire,
                                AnnotationLocations.OfAttribute(use.Attribute, end.CancellationToken), method.Name, use.Level));
                        }
                    }
                });
            });
        }

        private static void AddReferencedAcquisitions(ConcurrentDictionary<string, bool> acquired, Compilation source, CompilationIndex compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var assembly in source.SourceModule.ReferencedAssemblySymbols)
            {
                if (ReferencesAnnotations(assembly))
                {
                    AddAcquisitions(acquired, compilation, assembly.GlobalNamespace, cancellationToken);
                }
            }
        }

        private static bool ReferencesAnnotations(IAssemblySymbol assembly)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == LockSymbols.AnnotationsAssemblyName)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void AddAcquisitions(ConcurrentDictionary<string, bool> acquired, CompilationIndex compilation, INamespaceOrTypeSymbol container, System.Threading.CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in container.GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol nested:
                        if (nested is ITypeSymbol type && compilation.Annotations.ClassLevelOf(type) is { } classUse)
                        {
                            acquired.TryAdd(classUse.Level, true);
                        }

                        AddAcquisitions(acquired, compilation, nested, cancellationToken);
                        break;
                    case IMethodSymbol method:
                        var annotations = compilation.Annotations.ForMethod(method);
                        Add(acquired, annotations.Acquires);
                        Add(acquired, annotations.MightAcquire);
                        Add(acquired, annotations.CalledWithLocksHeld);
                        break;
                    case IFieldSymbol or IPropertySymbol:
                        if (compilation.Annotations.LockLevelOf(member) is { } use)
                        {
                            acquired.TryAdd(use.Level, true);
                        }

                        break;
                }
            }
        }

        private static void Add(ConcurrentDictionary<string, bool> acquired, ImmutableArray<LevelUse> uses)
        {
            foreach (var use in uses)
            {
                acquired.TryAdd(use.Level, true);
            }
        }
    }
}
