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
        private readonly ConcurrentDictionary<ITypeSymbol, LevelUse?> _lockClasses = new(SymbolEqualityComparer.Default);

        public AnnotationReader(LockSymbols symbols)
        {
            _symbols = symbols;
            NoMethodAttributes = symbols.Acquires == null && symbols.Releases == null && symbols.MightAcquire == null && symbols.CalledWithLocksHeld == null
                && symbols.CalledWithLocksNotHeld == null;
        }

        /// <summary>No method attribute LockLevels reads is known to the compilation: every method reads as unannotated, and none is a deep context.</summary>
        public bool NoMethodAttributes { get; }

        public MethodAnnotations ForMethod(IMethodSymbol method)
        {
            if (NoMethodAttributes)
            {
                return MethodAnnotations.None;
            }

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
        /// The level of a class marked [Lock] (every instance of it and of its derived types belongs to the
        /// level), read off the type or its nearest marked base type; for a type parameter, off its
        /// constraints. Null when none is marked.
        /// </summary>
        public LevelUse? ClassLevelOf(ITypeSymbol? type)
        {
            if (_symbols.Lock == null || type == null)
            {
                return null;
            }

            if (type is ITypeParameterSymbol parameter)
            {
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    if (ClassLevelOf(constraint) is { } constrained)
                    {
                        return constrained;
                    }
                }

                return null;
            }

            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named)
            {
                return null;
            }

            named = named.OriginalDefinition;
            if (_lockClasses.TryGetValue(named, out var cached))
            {
                return cached;
            }

            LevelUse? found = null;
            for (var current = named; current != null && found == null; current = current.BaseType?.OriginalDefinition)
            {
                if (!MayHaveAnnotations(current.ContainingAssembly))
                {
                    continue;
                }

                foreach (var attribute in current.GetAttributes())
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
            }

            return _lockClasses.GetOrAdd(named, found);
        }

        /// <summary>
        /// [Acquires] or [Releases] through its parameterless constructor: the level is the receiver's. An
        /// attribute whose arguments do not bind (half-typed code) has no constructor and is not one.
        /// </summary>
        public static bool IsReceiverLevel(AttributeData attribute) => attribute.AttributeConstructor is { Parameters.Length: 0 };

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

            ImmutableArray<LevelUse>.Builder? acquires = null, releases = null, might = null, held = null, notHeld = null, receiverAcquires = null, receiverReleases = null;
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type == null)
                {
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(type, _symbols.Acquires))
                {
                    bool shared = NamedBool(attribute, "Shared"), isTry = NamedBool(attribute, "Try");
                    if (IsReceiverLevel(attribute))
                    {
                        Add(ref receiverAcquires, new LevelUse(string.Empty, shared, NamedString(attribute, "LongTermClaim"), attribute, 0, isTry));
                    }
                    else
                    {
                        Add(ref acquires, Levels(attribute, shared, NamedString(attribute, "LongTermClaim"), isTry));
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(type, _symbols.Releases))
                {
                    if (IsReceiverLevel(attribute))
                    {
                        Add(ref receiverReleases, new LevelUse(string.Empty, false, null, attribute, 0));
                    }
                    else
                    {
                        Add(ref releases, Levels(attribute, false, null));
                    }
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

            if (acquires == null && releases == null && might == null && held == null && notHeld == null && receiverAcquires == null && receiverReleases == null)
            {
                return MethodAnnotations.None;
            }

            // What the body of a receiver-level method takes on this is the level of its own class, if it has one.
            string? selfLevel = receiverAcquires != null || receiverReleases != null ? ClassLevelOf(method.ContainingType)?.Level : null;
            return new MethodAnnotations(ToImmutable(acquires), ToImmutable(releases), ToImmutable(might), ToImmutable(held), ToImmutable(notHeld),
                ToImmutable(receiverAcquires), ToImmutable(receiverReleases), selfLevel);
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
        public static List<LevelUse> Levels(AttributeData attribute, bool shared, string? longTermClaim, bool isTry = false)
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
                            AddLevel(result, element, attribute, shared, longTermClaim, isTry, index++);
                        }
                    }
                }
                else
                {
                    AddLevel(result, argument, attribute, shared, longTermClaim, isTry, index++);
                }
            }

            return result;
        }

        private static void AddLevel(List<LevelUse> result, TypedConstant constant, AttributeData attribute, bool shared, string? longTermClaim, bool isTry, int index)
        {
            if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string level)
            {
                result.Add(new LevelUse(level.Trim(), shared, longTermClaim, attribute, index, isTry));
            }
            else if (constant.Kind == TypedConstantKind.Primitive && constant.IsNull)
            {
                result.Add(new LevelUse(string.Empty, shared, longTermClaim, attribute, index, isTry));
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

        private static void Add(ref ImmutableArray<LevelUse>.Builder? builder, LevelUse use)
        {
            builder ??= ImmutableArray.CreateBuilder<LevelUse>();
            builder.Add(use);
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
