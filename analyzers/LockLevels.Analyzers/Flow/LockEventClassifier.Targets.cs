using System.Collections.Generic;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Which level and lock object a locked value or a receiver-level call belongs to: [Lock] members, [Lock] classes, inferred lock classes.</summary>
    internal sealed partial class LockEventClassifier
    {
        /// <summary>
        /// The level of the object a receiver-level [Acquires] or [Releases] method is called on: the [Lock] of
        /// the field or property the receiver reads, else the [Lock] of the receiver's class (or a base class).
        /// A receiver with neither (a local of an unmarked lock type) belongs to no level: nothing is taken.
        /// </summary>
        private LockTarget? ReceiverLockOf(IInvocationOperation invocation, IMethodSymbol method, ValueResolver resolver)
        {
            if (method.IsStatic || invocation.Instance == null)
            {
                return null;
            }

            var resolved = resolver.Resolve(invocation.Instance);
            var member = MemberOf(resolved);
            // The receiver's own static type when what it resolves to says less: a foreach variable over an
            // array resolves to the enumerator's Current, an object, through the cast the loop makes.
            var use = (member == null ? null : _compilation.Annotations.LockLevelOf(member))
                ?? _compilation.Annotations.ClassLevelOf(resolved.Type ?? method.ContainingType)
                ?? (ReferenceEquals(resolved, invocation.Instance) ? null : _compilation.Annotations.ClassLevelOf(invocation.Instance.Type));
            if (use == null)
            {
                return null;
            }

            // A custom lock says nothing of its re-entrancy: it is the level's, as for any [Acquires] method.
            var lockObject = LockObject.Of(_compilation, resolved, member, use.Level);
            lockObject = new LockObject(lockObject.Path, lockObject.Owner, LockObject.LevelReentrancy(_compilation, use.Level), lockObject.KeyOrder, lockObject.OwnersOwn);
            return new LockTarget(use.Level, member == null ? Names.Member(method) : Names.Member(member), inferred: false, lockObject, member);
        }

        private ISymbol? MemberOf(IOperation resolved)
            => resolved switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => _compilation.BackingFieldOf(property.Property) ?? (ISymbol)property.Property,
                _ => null,
            };

        /// <summary>
        /// The level a lock object belongs to: its [Lock] level, else the [Lock] of its class, or else (when
        /// inferring) its lock class.
        /// </summary>
        private LockTarget? LockOf(IOperation resolved)
        {
            var member = MemberOf(resolved);
            if (member != null && _compilation.Annotations.LockLevelOf(member) is { } use)
            {
                return new LockTarget(use.Level, Names.Member(member), inferred: false, LockObject.Of(_compilation, resolved, member, use.Level), member);
            }

            if (_compilation.Annotations.ClassLevelOf(resolved.Type) is { } classUse)
            {
                var name = member == null ? Names.Type(resolved.Type!) : Names.Member(member);
                return new LockTarget(classUse.Level, name, inferred: false, LockObject.Of(_compilation, resolved, member, classUse.Level), member);
            }

            if (!_compilation.InferUnannotated || InferredClass(resolved, member) is not { } lockClass)
            {
                return null;
            }

            return new LockTarget(lockClass, lockClass, inferred: true, LockObject.Of(_compilation, resolved, member, level: null), member);
        }

        private sealed class LockTarget
        {
            public LockTarget(string level, string name, bool inferred, LockObject lockObject, ISymbol? member)
            {
                Member = member;
                Level = level;
                Name = name;
                Inferred = inferred;
                Object = lockObject;
            }

            public string Level { get; }

            public string Name { get; }

            public bool Inferred { get; }

            public LockObject Object { get; }

            public ISymbol? Member { get; }
        }

        /// <summary>
        /// lockdep's lock class for an unannotated lock: one per declaring field or property (whatever
        /// instance it is read from); one per type for typeof(T); and for an object whose static type is a
        /// class or interface of this compilation — this, a parameter, a local, an element, a call's result —
        /// "instances of T", one per type hierarchy. Objects typed object, string, a delegate or a lock type
        /// that cannot be tied to a field are no class at all: nothing says which locks they are.
        /// </summary>
        private string? InferredClass(IOperation resolved, ISymbol? member)
        {
            if (member != null)
            {
                var definition = member.OriginalDefinition;
                return Names.Type(definition.ContainingType) + "." + definition.Name;
            }

            if (resolved is ITypeOfOperation typeOf)
            {
                return "typeof(" + Names.Type(typeOf.TypeOperand) + ")";
            }

            bool keyedByType = resolved is IInstanceReferenceOperation or IParameterReferenceOperation or ILocalReferenceOperation
                or IArrayElementReferenceOperation or IInvocationOperation or IPropertyReferenceOperation;
            return keyedByType && resolved.Type is INamedTypeSymbol type && IsClassOfInstances(type)
                ? "instances of " + Names.Type(HierarchyRoot(type))
                : null;
        }

        private bool IsClassOfInstances(INamedTypeSymbol type)
            => type.TypeKind is TypeKind.Class or TypeKind.Interface
                && type.ContainingAssembly is ISourceAssemblySymbol
                && !_symbols.IsLockingType(type);

        /// <summary>
        /// lock (this) in a derived type and in its base lock the same object: both are named after the
        /// outermost base type declared in this compilation.
        /// </summary>
        private static ITypeSymbol HierarchyRoot(ITypeSymbol type)
        {
            var root = type;
            for (var baseType = type.BaseType; baseType != null && baseType.ContainingAssembly is ISourceAssemblySymbol; baseType = baseType.BaseType)
            {
                root = baseType;
            }

            return root;
        }
    }
}
