using System;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>Which method an operation calls, for summaries: invocations, delegates to known methods, constructors and accessors.</summary>
    internal static class CallTargets
    {
        /// <summary>The called method, normalized, or null when the operation calls nothing LockLevels can follow.</summary>
        public static IMethodSymbol? Of(IOperation operation, Func<IOperation, IOperation> resolve)
        {
            IMethodSymbol? target = operation switch
            {
                IInvocationOperation invocation when InvokesDelegate(invocation.TargetMethod)
                    => invocation.Instance == null ? null : RaisedEvent(resolve(invocation.Instance)) ?? DelegateTarget(resolve(invocation.Instance)),
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                IPropertyReferenceOperation property => IsAssignmentTarget(property) ? property.Property.SetMethod : property.Property.GetMethod,
                _ => null,
            };

            return target == null ? null : AnnotationReader.Normalize(target);
        }

        /// <summary>d(), d.Invoke(), d.BeginInvoke(...), d.DynamicInvoke(...): whatever the delegate holds runs.</summary>
        public static bool InvokesDelegate(IMethodSymbol method)
            => method.MethodKind == MethodKind.DelegateInvoke
                || (method.ContainingType is { } type
                    && ((type.TypeKind == TypeKind.Delegate && method.Name == "BeginInvoke")
                        || (type.SpecialType == SpecialType.System_Delegate && method.Name == "DynamicInvoke")));

        /// <summary>
        /// Raising an event (Changed?.Invoke(...)) calls every handler subscribed to it; the call is
        /// recorded against the event's add accessor, which summaries then expand to those handlers.
        /// </summary>
        private static IMethodSymbol? RaisedEvent(IOperation value)
            => ValueResolver.StripConversions(value) is IEventReferenceOperation raised ? raised.Event.OriginalDefinition.AddMethod : null;

        /// <summary>The handler an event subscription (x.Changed += OnChanged) adds, when it is known.</summary>
        public static (IEventSymbol Event, IMethodSymbol Handler)? Subscription(IOperation operation, Func<IOperation, IOperation> resolve)
            => operation is IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation reference } subscription
                && DelegateTarget(resolve(subscription.HandlerValue)) is { } handler
                    ? (reference.Event.OriginalDefinition, AnnotationReader.Normalize(handler))
                    : null;

        internal static IMethodSymbol? DelegateTarget(IOperation value)
        {
            value = ValueResolver.StripConversions(value);
            if (value is IDelegateCreationOperation creation)
            {
                value = ValueResolver.StripConversions(creation.Target);
            }

            return value switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                IFlowAnonymousFunctionOperation lambda => lambda.Symbol,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
        }

        /// <summary>
        /// Whether the call reaches exactly its target's body (a non-virtual member, a call through
        /// <c>base</c>, a constructor), and otherwise the static type of the receiver it dispatches on.
        /// </summary>
        public static (bool IsExact, ITypeSymbol? Receiver) Dispatch(IOperation operation)
            => operation switch
            {
                IInvocationOperation invocation when InvokesDelegate(invocation.TargetMethod) => (false, null),
                IInvocationOperation invocation => (!invocation.IsVirtual, invocation.Instance?.Type),
                IObjectCreationOperation => (true, null),
                IPropertyReferenceOperation property => (IsBase(property.Instance) || !IsVirtual(property.Property), property.Instance?.Type),
                _ => (false, null),
            };

        private static bool IsBase(IOperation? instance)
            => instance is IInstanceReferenceOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax };

        private static bool IsVirtual(IPropertySymbol property)
            => property.IsVirtual || property.IsAbstract || property.IsOverride || property.ContainingType?.TypeKind == TypeKind.Interface;

        private static bool IsAssignmentTarget(IOperation operation)
            => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;
    }
}
