using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Roslyn
{
    /// <summary>Which method an operation calls, for summaries: invocations, delegates to known methods, constructors and accessors.</summary>
    internal static class CallTargets
    {
        /// <summary>The called method, normalized, or null when the operation calls nothing LockLevels can follow.</summary>
        public static IMethodSymbol? Of(IOperation operation, Func<IOperation, IOperation> resolve)
        {
            IMethodSymbol? target = operation switch
            {
                IInvocationOperation invocation when invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke
                    => invocation.Instance == null ? null : DelegateTarget(resolve(invocation.Instance)),
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                IPropertyReferenceOperation property => IsAssignmentTarget(property) ? property.Property.SetMethod : property.Property.GetMethod,
                _ => null,
            };

            return target == null ? null : AnnotationReader.Normalize(target);
        }

        private static IMethodSymbol? DelegateTarget(IOperation value)
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

        private static bool IsAssignmentTarget(IOperation operation)
            => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;
    }
}
