using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0008: a lock owned by a thread (Monitor, ReaderWriterLockSlim, Mutex, SpinLock,
    /// System.Threading.Lock) may be held at an await, taken in the body, through an [Acquires] method
    /// backed by one, or by a call before the await that returns holding one; once per await and lock.
    /// </summary>
    internal sealed class ThreadAffineAwaitRule : IProgramRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ThreadAffineLockAcrossAwait);

        public bool AppliesTo(CompilationIndex index) => index.Symbols.HasAnnotations || index.InferUnannotated;

        public void Report(ProgramFacts facts, CompilationIndex index, Action<Diagnostic> report)
        {
            ReturnedLocks? returned = null;
            SemaphoreSlimFix? fix = null;
            var diagnostics = new List<Diagnostic>();
            var reported = new HashSet<(Location, string)>();
            foreach (var body in facts.Bodies)
            {
                foreach (var point in body.Awaits)
                {
                    returned ??= new ReturnedLocks(index, facts.Bodies);
                    foreach (var held in point.Held)
                    {
                        if (returned.ThreadAffine(held.Level, held.Primitive, held.Acquirer, held.Description, held.Site) is { } taken
                            && reported.Add((point.Location, held.Level)))
                        {
                            fix ??= new SemaphoreSlimFix(facts, index.Symbols);
                            var properties = fix.PropertiesFor(held, body);
                            diagnostics.Add(Create(point, taken, properties));
                        }
                    }

                    foreach (var call in body.Calls)
                    {
                        if (!Before(call, point))
                        {
                            continue;
                        }

                        foreach (var taken in returned.ThroughCall(body, call, point.Location.SourceSpan.Start))
                        {
                            if (reported.Add((point.Location, taken.Level)))
                            {
                                var properties = SemaphoreSlimFix.Unavailable("it is taken in " + Names.Method(call.Callee) + ", not where it is awaited");
                                diagnostics.Add(Create(point, taken, properties));
                            }
                        }
                    }
                }
            }

            foreach (var diagnostic in Locations.Sorted(diagnostics))
            {
                report(diagnostic);
            }
        }

        private static Diagnostic Create(AwaitPoint point, ReturnedLock taken, ImmutableDictionary<string, string?> properties)
            => Diagnostic.Create(Descriptors.ThreadAffineLockAcrossAwait, point.Location, new[] { taken.Site }, properties,
                taken.Level, taken.Chain, Describe(taken.Primitive));

        /// <summary>The call's text ends before the await's keyword, in the same file.</summary>
        private static bool Before(Call call, AwaitPoint point)
            => call.Syntax.SyntaxTree == point.Location.SourceTree && call.Syntax.Span.End <= point.Location.SourceSpan.Start;

        private static string Describe(LockPrimitive primitive)
            => primitive switch
            {
                LockPrimitive.Monitor => "Monitor lock",
                LockPrimitive.Lock => "System.Threading.Lock",
                _ => primitive.ToString(),
            };
    }
}
