using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// The thread-affine locks a method returns holding, and how it took them: taken in its body and
    /// still held at its end, through an [Acquires] method backed by one, or through a call that returns
    /// holding one with no release after it in the text of the body. Computed on demand, callees first.
    /// </summary>
    internal sealed class ReturnedLocks
    {
        private static readonly List<ReturnedLock> None = new();

        private readonly CompilationIndex _index;
        private readonly Dictionary<IMethodSymbol, BodyFacts> _bodies = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, List<ReturnedLock>> _returned = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<(IMethodSymbol, string), bool> _releases = new();

        public ReturnedLocks(CompilationIndex index, IReadOnlyList<BodyFacts> bodies)
        {
            _index = index;
            foreach (var body in bodies)
            {
                if (body.Method != null && !_bodies.ContainsKey(body.Method))
                {
                    _bodies.Add(body.Method, body);
                }
            }
        }

        /// <summary>What <paramref name="method"/> returns holding that belongs to a thread; empty for methods without a body here.</summary>
        public List<ReturnedLock> Of(IMethodSymbol method)
        {
            if (_returned.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!_bodies.TryGetValue(method, out var body))
            {
                return None;
            }

            // A recursive call sees nothing yet: the first answer stands.
            _returned[method] = None;
            var returned = new List<ReturnedLock>();
            foreach (var held in body.HeldAtExit)
            {
                // An unlowered lock statement seems held past a return inside it: it is released there.
                if (!held.Unlowered && ThreadAffine(held.Level, held.Primitive, held.Acquirer, held.Description, held.Location) is { } taken)
                {
                    returned.Add(held.Escapes ? taken.AsScope() : taken);
                }
            }

            var end = body.Location.SourceSpan.End;
            foreach (var call in body.Calls)
            {
                foreach (var taken in ThroughCall(body, call, end))
                {
                    returned.Add(taken);
                }
            }

            _returned[method] = returned.Count == 0 ? None : returned;
            return _returned[method];
        }

        /// <summary>
        /// A lock that may be held where this body reached <paramref name="level"/>'s acquisition, if it is
        /// thread-affine: a primitive that is, or an [Acquires] method that returns holding one.
        /// </summary>
        public ReturnedLock? ThreadAffine(string level, LockPrimitive primitive, IMethodSymbol? acquirer, string description, Location site)
        {
            if (primitive.IsThreadAffine())
            {
                return new ReturnedLock(level, primitive, description, site);
            }

            if (primitive == LockPrimitive.AcquiringMethod && acquirer != null)
            {
                foreach (var inner in Of(acquirer))
                {
                    if (inner.Level == level)
                    {
                        return new ReturnedLock(level, inner.Primitive, description + " → " + inner.Chain, site);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The thread-affine locks a call in <paramref name="body"/> returns holding that no release in the
        /// body's text between the call and <paramref name="until"/> gives back. Levels the callee is
        /// [Acquires] for are left out: the held-lock flow already holds them after the call.
        /// </summary>
        public IEnumerable<ReturnedLock> ThroughCall(BodyFacts body, Call call, int until)
        {
            int heldUntil = HeldUntil(call.Syntax);
            if (until >= heldUntil)
            {
                yield break;
            }

            var annotations = _index.Annotations.ForMethod(call.Callee);
            var effect = _bodies.TryGetValue(call.Callee, out var callee) ? callee.Effect : null;
            foreach (var inner in Of(call.Callee))
            {
                if (effect != null && effect.AcquiresLevel(inner.Level))
                {
                    // An inferred wrapper's holds are the flow's too, as an [Acquires] method's are.
                    continue;
                }

                // A scope the callee returns is released where its caller disposes it: known only for a using.
                bool disposedUnseen = inner.InScope && heldUntil == int.MaxValue;
                if (!disposedUnseen && !annotations.AcquiresLevel(inner.Level) && !ReleasedBetween(body, call.Syntax.Span.End, until, inner.Level))
                {
                    yield return new ReturnedLock(inner.Level, inner.Primitive, Names.Method(call.Callee) + " → " + inner.Chain, call.Location);
                }
            }
        }

        /// <summary>
        /// using (Lease()) { ... } and using var x = Lease(): what the call returned is disposed where the
        /// statement or the block ends, and with it (through the disposal) whatever the call took.
        /// </summary>
        private static int HeldUntil(SyntaxNode call)
        {
            var node = call.Parent;
            if (node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            {
                node = declaration.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } local
                    ? local.Parent
                    : declaration.Parent;
            }

            return node is UsingStatementSyntax or BlockSyntax ? node.Span.End : int.MaxValue;
        }

        private bool ReleasedBetween(BodyFacts body, int start, int end, string level)
        {
            foreach (var release in body.UnheldReleases)
            {
                var span = release.Location.SourceSpan;
                if (release.Level == level && span.Start >= start && span.End <= end)
                {
                    return true;
                }
            }

            foreach (var call in body.Calls)
            {
                var span = call.Syntax.Span;
                if (span.Start >= start && span.End <= end && Releases(call.Callee, level))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The method releases the level, by annotation or in its body, directly or down its calls.</summary>
        private bool Releases(IMethodSymbol method, string level)
        {
            var key = (method, level);
            if (_releases.TryGetValue(key, out bool known))
            {
                return known;
            }

            _releases[key] = false;
            bool releases = _index.Annotations.ForMethod(method).ReleasesLevel(level);
            if (!releases && _bodies.TryGetValue(method, out var body))
            {
                foreach (var release in body.UnheldReleases)
                {
                    releases |= release.Level == level;
                }

                foreach (var call in body.Calls)
                {
                    releases = releases || Releases(call.Callee, level);
                }
            }

            _releases[key] = releases;
            return releases;
        }
    }

    /// <summary>A thread-affine lock held after a call or at an await, with the chain that took it.</summary>
    internal sealed class ReturnedLock
    {
        public ReturnedLock(string level, LockPrimitive primitive, string chain, Location site, bool inScope = false)
        {
            InScope = inScope;
            Level = level;
            Primitive = primitive;
            Chain = chain;
            Site = site;
        }

        public string Level { get; }

        public LockPrimitive Primitive { get; }

        /// <summary>"lock (C._sync)", "Gate.Enter → Gate._sync.Enter".</summary>
        public string Chain { get; }

        /// <summary>Where the body the lock is reported in took it: the acquisition, or the call.</summary>
        public Location Site { get; }

        /// <summary>Held by a scope the method returns (an IDisposable), until its caller disposes it.</summary>
        public bool InScope { get; }

        public ReturnedLock AsScope() => new ReturnedLock(Level, Primitive, Chain, Site, inScope: true);
    }
}
