using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// Reads LockLevels attributes off symbols, once per symbol per compilation. Tolerates
    /// half-typed code: missing, non-constant or mistyped arguments simply name no level.
    /// </summary>
    internal sealed class AnnotationReader
    {
        private readonly LockSymbols _symbols;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodAnnotations> _methods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, LevelUse?> _lockMembers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _annotatedAssemblies = new(SymbolEqualityComparer.Default);

        public AnnotationReader(LockSymbols symbols) => _symbols = symbols;

        public MethodAnnotations ForMethod(IMethodSymbol method)
        {
            method = Normalize(method);
            if (!MayHaveAnnotations(method.ContainingAssembly))
            {
                return MethodAnnotations.None;
            }

            if (_methods.TryGetValue(method, out var cached))
            {
                return cached;
            }

            return _methods.GetOrAdd(method, Read(method));
        }

        /// <summary>The level of a field or property marked [Lock], or null.</summary>
        public LevelUse? LockLevelOf(ISymbol member)
        {
            if (_symbols.Lock == null || member is not (IFieldSymbol or IPropertySymbol))
            {
                return null;
            }

            member = member.OriginalDefinition;
            if (_lockMembers.TryGetValue(member, out var cached))
            {
                return cached;
            }

            LevelUse? found = null;
            foreach (var attribute in member.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.Lock))
                {
                    var levels = Levels(attribute, shared: false, longTermClaim: null);
                    if (levels.Count > 0 && levels[0].Level.Length > 0)
                    {
                        found = levels[0];
                        break;
                    }
                }
            }

            return _lockMembers.GetOrAdd(member, found);
        }

        /// <summary>
        /// Only source and assemblies that reference the annotations can carry them: calls into the
        /// framework never pay for decoding attributes.
        /// </summary>
        public bool MayHaveAnnotations(IAssemblySymbol? assembly)
        {
            if (assembly == null)
            {
                return false;
            }

            if (_annotatedAssemblies.TryGetValue(assembly, out bool may))
            {
                return may;
            }

            may = assembly is ISourceAssemblySymbol || assembly.Name == LockSymbols.AnnotationsAssemblyName || ReferencesAnnotations(assembly);
            return _annotatedAssemblies.GetOrAdd(assembly, may);
        }

        public static bool ReferencesAnnotations(IAssemblySymbol assembly)
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

        public static IMethodSymbol Normalize(IMethodSymbol method)
        {
            if (method.ReducedFrom != null)
            {
                method = method.ReducedFrom;
            }

            // A partial method's (or partial property accessor's) calls name its definition, its body is
            // the implementation's: both are one method.
            method = method.OriginalDefinition;
            return method.PartialDefinitionPart ?? method;
        }

        private MethodAnnotations Read(IMethodSymbol method)
        {
            var attributes = method.GetAttributes();

            // A property's or indexer's attribute applies to its accessors: a property is no body of its own.
            var property = method.AssociatedSymbol as IPropertySymbol;
            var propertyAttributes = property == null ? ImmutableArray<AttributeData>.Empty : property.GetAttributes();
            if (attributes.IsEmpty && propertyAttributes.IsEmpty)
            {
                return MethodAnnotations.None;
            }

            ImmutableArray<LevelUse>.Builder? acquires = null, releases = null, might = null, held = null, notHeld = null;
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type == null)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _symbols.Acquires))
                {
                    Add(ref acquires, Levels(attribute, NamedBool(attribute, "Shared"), NamedString(attribute, "LongTermClaim")));
                }
                else if (SymbolEqualityComparer.Default.Equals(type, _symbols.Releases))
                {
                    Add(ref releases, Levels(attribute, false, null));
                }
                else if (SymbolEqualityComparer.Default.Equals(type, _symbols.MightAcquire))
                {
                    Add(ref might, Levels(attribute, NamedBool(attribute, "Shared"), null));
                }
                else
                {
                    AddEntryLevels(attribute, ref held, ref notHeld);
                }
            }

            foreach (var attribute in propertyAttributes)
            {
                AddEntryLevels(attribute, ref held, ref notHeld);
            }

            if (acquires == null && releases == null && might == null && held == null && notHeld == null)
            {
                return MethodAnnotations.None;
            }

            return new MethodAnnotations(ToImmutable(acquires), ToImmutable(releases), ToImmutable(might), ToImmutable(held), ToImmutable(notHeld));
        }

        /// <summary>The annotations that say what holds on entry, the two a property can carry for its accessors.</summary>
        private void AddEntryLevels(AttributeData attribute, ref ImmutableArray<LevelUse>.Builder? held, ref ImmutableArray<LevelUse>.Builder? notHeld)
        {
            var type = attribute.AttributeClass;
            if (type == null)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _symbols.CalledWithLocksHeld))
            {
                Add(ref held, Levels(attribute, false, null));
            }
            else if (SymbolEqualityComparer.Default.Equals(type, _symbols.CalledWithLocksNotHeld))
            {
                Add(ref notHeld, Levels(attribute, false, null));
            }
        }

        /// <summary>Every level an attribute names through its constructor arguments, empty names included.</summary>
        public static List<LevelUse> Levels(AttributeData attribute, bool shared, string? longTermClaim)
        {
            var result = new List<LevelUse>();
            int index = 0;
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    if (!argument.IsNull)
                    {
                        foreach (var element in argument.Values)
                        {
                            AddLevel(result, element, attribute, shared, longTermClaim, index++);
                        }
                    }
                }
                else
                {
                    AddLevel(result, argument, attribute, shared, longTermClaim, index++);
                }
            }

            return result;
        }

        private static void AddLevel(List<LevelUse> result, TypedConstant constant, AttributeData attribute, bool shared, string? longTermClaim, int index)
        {
            if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string level)
            {
                result.Add(new LevelUse(level.Trim(), shared, longTermClaim, attribute, index));
            }
            else if (constant.Kind == TypedConstantKind.Primitive && constant.IsNull)
            {
                result.Add(new LevelUse(string.Empty, shared, longTermClaim, attribute, index));
            }
        }

        private static bool NamedBool(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is bool value)
                {
                    return value;
                }
            }

            return false;
        }

        private static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is string value)
                {
                    return value;
                }
            }

            return null;
        }

        private static void Add(ref ImmutableArray<LevelUse>.Builder? builder, List<LevelUse> uses)
        {
            builder ??= ImmutableArray.CreateBuilder<LevelUse>();
            builder.AddRange(uses);
        }

        private static ImmutableArray<LevelUse> ToImmutable(ImmutableArray<LevelUse>.Builder? builder)
            => builder == null ? ImmutableArray<LevelUse>.Empty : builder.ToImmutable();
    }
}
