using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Delegates kept for later: stored in a field or property, or added to a collection held in one, and
    /// invoked from there (directly, or as an element taken out of it). A store records where (the
    /// storage) and what (a lambda or method group, or a parameter whose arguments are).
    /// </summary>
    internal static class DelegateStores
    {
        /// <summary>Records what <paramref name="operation"/> stores, if anything: a delegate, or a parameter that may hold one.</summary>
        public static void Record(IOperation operation, BodyFacts facts, Func<IOperation, IOperation> resolve)
        {
            switch (operation)
            {
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        Store(field, initializer.Value, facts, resolve);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        Store(property, initializer.Value, facts, resolve);
                    }

                    break;
                case IAssignmentOperation { Target: var target, Value: var value } when StorageOf(target, resolve) is { } storage:
                    // x.Callback = f; x.Callback += f; _handlers[key] = f
                    Store(storage, value, facts, resolve);
                    break;
                case IInvocationOperation { Instance: { } collection } invocation when IsAdd(invocation.TargetMethod) && StorageOf(resolve(collection), resolve) is { } storage:
                    foreach (var argument in invocation.Arguments)
                    {
                        Store(storage, argument.Value, facts, resolve);
                    }

                    break;
            }

            if (operation is IInvocationOperation or IObjectCreationOperation)
            {
                var arguments = operation is IInvocationOperation call ? call.Arguments : ((IObjectCreationOperation)operation).Arguments;
                foreach (var argument in arguments)
                {
                    if (argument.Parameter is { Type.TypeKind: TypeKind.Delegate } parameter && CallTargets.DelegateTarget(resolve(argument.Value)) is { } target)
                    {
                        facts.DelegateArguments.Add((parameter.OriginalDefinition, Annotations.AnnotationReader.Normalize(target)));
                    }
                }
            }
        }

        /// <summary>
        /// Where an invoked delegate was taken from: a field or property, an element of a collection kept in
        /// one (an indexer, Dequeue, TryDequeue, Pop, Peek, First, ElementAt..., a foreach over it), or null
        /// when it cannot be told.
        /// </summary>
        public static ISymbol? SourceOf(IOperation value, Func<IOperation, IOperation> resolve)
        {
            value = ValueResolver.StripConversions(resolve(value));
            if (value is IPropertyReferenceOperation { Property.Name: "Current", Instance: { } enumerator })
            {
                // A lowered foreach: the element is the enumerator's Current, the enumerator the collection's.
                value = ValueResolver.StripConversions(resolve(enumerator));
            }

            if (value is IInvocationOperation { Instance: { } collection } taken && IsTake(taken.TargetMethod))
            {
                value = ValueResolver.StripConversions(resolve(collection));
            }

            return StorageOf(value, resolve);
        }

        private static void Store(ISymbol storage, IOperation value, BodyFacts facts, Func<IOperation, IOperation> resolve)
        {
            var resolved = ValueResolver.StripConversions(resolve(value));
            if (CallTargets.DelegateTarget(resolved) is { } target)
            {
                facts.DelegateStores.Add((storage, Annotations.AnnotationReader.Normalize(target)));
            }
            else if (resolved is IParameterReferenceOperation { Parameter.Type.TypeKind: TypeKind.Delegate } parameter)
            {
                facts.ParameterStores.Add((parameter.Parameter.OriginalDefinition, storage));
            }
        }

        /// <summary>
        /// The field or property a method group's delegate is assigned to as it is made (<c>x.Check = Check</c>,
        /// <c>Changed += OnChanged</c>); null when the delegate goes anywhere else first (a local, an argument).
        /// </summary>
        public static ISymbol? StorageMadeInto(IMethodReferenceOperation reference)
        {
            IOperation value = reference.Parent is IDelegateCreationOperation creation ? creation : reference;
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            return value.Parent is IAssignmentOperation assignment && assignment.Value == value
                && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }
                ? StorageOf(assignment.Target)
                : null;
        }

        /// <summary>A field or property (or, through an indexer, the one holding the collection) a delegate can be kept in.</summary>
        private static ISymbol? StorageOf(IOperation target, Func<IOperation, IOperation>? resolve = null)
            => ValueResolver.StripConversions(target) switch
            {
                IFieldReferenceOperation field => field.Field.OriginalDefinition,
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection } => StorageOf(resolve == null ? collection : resolve(collection), resolve),
                IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                _ => null,
            };

        /// <summary>The methods that put a delegate into a collection kept in a field or property (the first pass matches them by name).</summary>
        internal static readonly string[] AddNames = { "Add", "Enqueue", "Push", "TryAdd", "AddLast", "AddFirst", "Insert", "TryAddOrUpdate", "GetOrAdd" };

        private static bool IsAdd(IMethodSymbol method) => Array.IndexOf(AddNames, method.Name) >= 0;

        private static bool IsTake(IMethodSymbol method)
            => method.Name is "Dequeue" or "Pop" or "Peek" or "First" or "Last" or "ElementAt" or "FirstOrDefault" or "LastOrDefault" or "Single"
                or "TryDequeue" or "TryPop" or "TryPeek" or "TryTake" or "TryGetValue" or "TryRemove" or "GetEnumerator";
    }
}
