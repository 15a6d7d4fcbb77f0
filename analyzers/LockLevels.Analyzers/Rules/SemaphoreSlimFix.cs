using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using LockLevels.Analyzers.WholeProgram;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>
    /// Diagnostic properties that tell the LL0008 fix whether it can turn the lock into a
    /// SemaphoreSlim(1, 1), and if not, why: only a private field of type object or Lock, used in its
    /// type only through lock, Monitor.Enter and Monitor.Exit (<see cref="LockFieldUses"/>), and never
    /// taken while it may already be held, since a semaphore is not re-entrant.
    /// </summary>
    public sealed class SemaphoreSlimFix
    {
        /// <summary>The field to convert, as a documentation comment ID ("F:Namespace.Type._sync").</summary>
        public const string Field = "SemaphoreSlimField";

        /// <summary>Why the fix is not offered.</summary>
        public const string UnavailableReason = "SemaphoreSlimUnavailable";

        private readonly IReadOnlyList<BodyFacts> _bodies;
        private readonly INamedTypeSymbol? _threadingLock;
        private readonly Dictionary<IMethodSymbol, List<BodyFacts>> _byMethod = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, ImmutableDictionary<string, string?>> _byField = new(SymbolEqualityComparer.Default);

        internal SemaphoreSlimFix(ProgramFacts facts, LockSymbols symbols)
        {
            _threadingLock = symbols.ThreadingLock;
            _bodies = facts.Bodies;
            foreach (var body in facts.Bodies)
            {
                if (!_byMethod.TryGetValue(body.Method!, out var bodies))
                {
                    _byMethod.Add(body.Method!, bodies = new List<BodyFacts>());
                }

                bodies.Add(body);
            }
        }

        internal static ImmutableDictionary<string, string?> Unavailable(string reason)
            => ImmutableDictionary<string, string?>.Empty.Add(UnavailableReason, reason);

        internal ImmutableDictionary<string, string?> PropertiesFor(HeldAtAwait held, BodyFacts body)
        {
            if (held.Primitive == LockPrimitive.AcquiringMethod)
            {
                return Unavailable("it is taken in " + held.Description + ", not where it is awaited");
            }

            if (held.Member is not IFieldSymbol field)
            {
                return Unavailable("the lock object is not a field");
            }

            if (!_byField.TryGetValue(field, out var properties))
            {
                properties = For(field, held.Level, CancellationToken.None);
                _byField.Add(field, properties);
            }

            return properties;
        }

        private ImmutableDictionary<string, string?> For(IFieldSymbol field, string level, CancellationToken cancellationToken)
        {
            if (field.DeclaredAccessibility != Accessibility.Private)
            {
                return Unavailable($"'{field.Name}' is not private, so code outside {field.ContainingType.Name} may lock it");
            }

            if (field.Type.SpecialType != SpecialType.System_Object && !SymbolEqualityComparer.Default.Equals(field.Type, _threadingLock))
            {
                return Unavailable($"'{field.Name}' is a {field.Type.Name}, not an object or Lock used as a lock");
            }

            if (field.DeclaringSyntaxReferences.Length != 1 || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).Parent?.ChildNodes() is not { } siblings
                || CountDeclarators(siblings) != 1)
            {
                return Unavailable($"'{field.Name}' is declared together with other fields");
            }

            var uses = LockFieldUses.Of(field, cancellationToken);
            if (uses.Unsupported != null)
            {
                return Unavailable($"'{field.Name}' cannot be rewritten: {uses.Unsupported}");
            }

            if (MayBeTakenWhileHeld(level))
            {
                return Unavailable($"'{field.Name}' may be locked again while it is held, which a Monitor allows and a SemaphoreSlim would deadlock on");
            }

            return ImmutableDictionary<string, string?>.Empty.Add(Field, field.GetDocumentationCommentId());
        }

        private static int CountDeclarators(IEnumerable<SyntaxNode> siblings)
        {
            int count = 0;
            foreach (var sibling in siblings)
            {
                count += sibling is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax ? 1 : 0;
            }

            return count;
        }

        /// <summary>Re-entrant use: acquired while held in one body, or called while held into a method that acquires it.</summary>
        private bool MayBeTakenWhileHeld(string level)
        {
            var acquiring = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            foreach (var body in _bodies)
            {
                foreach (var acquisition in body.Acquisitions)
                {
                    if (acquisition.Level == level && acquisition.IsReentry)
                    {
                        return true;
                    }
                }

                foreach (var call in body.Calls)
                {
                    if (call.Held.Contains(level) && Acquires(call.Callee, level, acquiring))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool Acquires(IMethodSymbol method, string level, Dictionary<IMethodSymbol, bool> known)
        {
            if (known.TryGetValue(method, out bool acquires))
            {
                return acquires;
            }

            known[method] = false;
            if (_byMethod.TryGetValue(method, out var bodies))
            {
                foreach (var body in bodies)
                {
                    foreach (var acquisition in body.Acquisitions)
                    {
                        acquires |= acquisition.Level == level;
                    }

                    foreach (var call in body.Calls)
                    {
                        acquires = acquires || Acquires(call.Callee, level, known);
                    }
                }
            }

            known[method] = acquires;
            return acquires;
        }
    }
}
