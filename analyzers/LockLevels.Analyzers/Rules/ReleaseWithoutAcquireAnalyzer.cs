using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

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
                start.RegisterSymbolAction(symbol =>
                {
                    var method = (IMethodSymbol)symbol.Symbol;
                    var annotations = compilation.Annotations.ForMethod(method);
                    Add(acquired, annotations.Acquires);
                    Add(acquired, annotations.MightAcquire);
                    Add(acquired, annotations.CalledWithLocksHeld);
                    foreach (var use in annotations.Releases)
                    {
                        releases.Enqueue((method, use));
                    }
                }, SymbolKind.Method);
                start.RegisterSymbolAction(symbol =>
                {
                    if (compilation.Annotations.LockLevelOf(symbol.Symbol) is { } use)
                    {
                        acquired.TryAdd(use.Level, true);
                    }
                }, SymbolKind.Field, SymbolKind.Property);
                start.RegisterCompilationEndAction(end =>
                {
                    var reported = new List<(IMethodSymbol, LevelUse)>(releases);
                    foreach (var (method, use) in reported)
                    {
                        if (use.Level.Length > 0 && !acquired.ContainsKey(use.Level))
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.ReleaseWithoutAcquire,
                                AnnotationLocations.OfAttribute(use.Attribute, end.CancellationToken), method.Name, use.Level));
                        }
                    }
                });
            });
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
