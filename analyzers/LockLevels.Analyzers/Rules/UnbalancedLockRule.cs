using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// LL0005: a level acquired and still held on some path out of a body that is not [Acquires] it, or
    /// released where it is not held in one that is not [Releases] it. Inferred (unannotated) locks are
    /// not checked: no annotation promised their balance. An inferred wrapper (<see cref="WrapperEffect"/>: a
    /// private or internal method or a local function that holds a level on every path out, or gives one
    /// back on every path) is not reported for those levels: its callers are checked for them instead.
    /// </summary>
    internal sealed class UnbalancedLockRule : IBodyRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnbalancedAcquire, Descriptors.UnbalancedRelease);

        public void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report)
        {
            var reported = new HashSet<Location>();
            foreach (var body in bodies)
            {
                var annotations = body.Method == null ? MethodAnnotations.None : index.Annotations.ForMethod(body.Method);
                var effect = body.Effect ?? WrapperEffect.None;
                foreach (var release in body.UnheldReleases)
                {
                    if (!release.Inferred && !release.IsDisposal && !annotations.ReleasesLevel(release.Level) && !effect.ReleasesLevel(release.Level) && reported.Add(release.Location))
                    {
                        report(Diagnostic.Create(Descriptors.UnbalancedRelease, release.Location, release.Level, Names.Body(body.Method)));
                    }
                }

                foreach (var held in body.HeldAtExit)
                {
                    if (!held.Escapes && !held.Inferred && !held.Unlowered && !annotations.AcquiresLevel(held.Level) && !effect.AcquiresLevel(held.Level) && reported.Add(held.Location))
                    {
                        report(Diagnostic.Create(Descriptors.UnbalancedAcquire, held.Location, held.Level, Names.Body(body.Method)));
                    }
                }
            }
        }
    }
}
