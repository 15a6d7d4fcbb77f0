using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// What re-entry (LL0009) and nesting on two objects (LL0010) depend on in declarations: the levels
    /// declared recursive, the nestings a method declares, and how a lock field is created.
    /// </summary>
    internal sealed class ReentryDeclarations
    {
        private readonly LockSymbols _symbols;
        private readonly HashSet<string> _recursive = new(System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<ISymbol, bool?> _oneSlot = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool?> _supportsRecursion = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<(string Outer, string Inner)>> _nestings = new(SymbolEqualityComparer.Default);

        public ReentryDeclarations(Compilation compilation, LockSymbols symbols)
        {
            _symbols = symbols;
            if (symbols.RecursiveLevels == null)
            {
                return;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (AnnotationReader.ReferencesAnnotations(assembly))
                {
                    AddRecursive(assembly);
                }
            }

            AddRecursive(compilation.Assembly);
        }

        /// <summary>Declared by [assembly: RecursiveLevels]: its holder may take it again.</summary>
        public bool IsRecursive(string level) => _recursive.Contains(level);

        /// <summary>A SemaphoreSlim member always created with room for one holder (true), for more (false), or unknown (null).</summary>
        public bool? HasOneSlot(ISymbol member) => _oneSlot.GetOrAdd(member.OriginalDefinition, CreationArguments.HasOneSlot);

        /// <summary>A ReaderWriterLockSlim member always created with SupportsRecursion (true), NoRecursion (false), or unknown (null).</summary>
        public bool? SupportsRecursion(ISymbol member) => _supportsRecursion.GetOrAdd(member.OriginalDefinition, CreationArguments.SupportsRecursion);

        /// <summary>The [LockNesting(outer, inner)] declarations of a method, as written.</summary>
        public ImmutableArray<(string Outer, string Inner)> NestingsOf(IMethodSymbol method)
        {
            if (_symbols.LockNesting == null)
            {
                return ImmutableArray<(string, string)>.Empty;
            }

            return _nestings.GetOrAdd(AnnotationReader.Normalize(method), ReadNestings);
        }

        private ImmutableArray<(string Outer, string Inner)> ReadNestings(IMethodSymbol method)
        {
            var found = ImmutableArray<(string, string)>.Empty;
            var owner = method.AssociatedSymbol ?? method;
            foreach (var symbol in method.AssociatedSymbol == null ? new ISymbol[] { method } : new[] { method, owner })
            {
                foreach (var attribute in symbol.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.LockNesting)
                        && attribute.ConstructorArguments.Length == 2
                        && attribute.ConstructorArguments[0].Value is string outer && attribute.ConstructorArguments[1].Value is string inner)
                    {
                        found = found.Add((outer.Trim(), inner.Trim()));
                    }
                }
            }

            return found;
        }

        private void AddRecursive(IAssemblySymbol assembly)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.RecursiveLevels))
                {
                    foreach (var use in AnnotationReader.Levels(attribute, false, null))
                    {
                        _recursive.Add(use.Level);
                    }
                }
            }
        }
    }
}
