using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// The level-wide "must not hold" declarations, <c>[assembly: AcquiredWithLocksNotHeld("Root", "Node")]</c>:
    /// for each constrained level, the levels that must not be held when it is acquired. Read from this
    /// compilation and the referenced assemblies that use the annotations, like the hierarchies, since a
    /// library's rule about its own levels holds in every program that takes them.
    /// </summary>
    internal sealed class NotHeldDeclarations
    {
        private readonly Dictionary<string, ImmutableArray<string>> _byLevel = new(System.StringComparer.Ordinal);

        public NotHeldDeclarations(Compilation compilation, LockSymbols symbols)
        {
            if (symbols.AcquiredWithLocksNotHeld == null)
            {
                return;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (AnnotationReader.ReferencesAnnotations(assembly))
                {
                    Read(assembly, symbols);
                }
            }

            Read(compilation.Assembly, symbols);
        }

        public bool IsEmpty => _byLevel.Count == 0;

        /// <summary>The levels that must not be held when <paramref name="level"/> is acquired; empty for an unconstrained level.</summary>
        public ImmutableArray<string> NotHeldWhenAcquiring(string level)
            => _byLevel.TryGetValue(level, out var levels) ? levels : ImmutableArray<string>.Empty;

        private void Read(IAssemblySymbol assembly, LockSymbols symbols)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.AcquiredWithLocksNotHeld))
                {
                    continue;
                }

                // The first argument is the constrained level, the rest the levels it excludes; a
                // half-typed declaration (no level, no exclusions, empty names) declares nothing.
                var uses = AnnotationReader.Levels(attribute, false, null);
                if (uses.Count < 2 || uses[0].Level.Length == 0)
                {
                    continue;
                }

                var level = uses[0].Level;
                var builder = ImmutableArray.CreateBuilder<string>();
                if (_byLevel.TryGetValue(level, out var existing))
                {
                    builder.AddRange(existing);
                }

                for (int i = 1; i < uses.Count; i++)
                {
                    if (uses[i].Level.Length > 0 && !builder.Contains(uses[i].Level))
                    {
                        builder.Add(uses[i].Level);
                    }
                }

                _byLevel[level] = builder.ToImmutable();
            }
        }
    }
}
