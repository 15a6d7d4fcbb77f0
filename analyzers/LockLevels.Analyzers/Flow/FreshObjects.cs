using System;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// Which object a call runs on (<see cref="ReceiverKind"/>). Fresh is the caller's own new object that
    /// nobody else can have yet: a constructor call, <c>new T().M()</c>, or a call on a local assigned once
    /// from <c>new</c> and used in the body only as a receiver (never passed, stored, returned or captured),
    /// of a type whose construction does not let the object out (<see cref="ThisEscape"/>). Owner and Helper
    /// are the two ends of a helper that points back at its maker (<see cref="OwnerLinks"/>); Part is an object
    /// this one was made with.
    /// </summary>
    internal static class FreshObjects
    {
        public static ReceiverKind ReceiverOf(IOperation operation, Func<IOperation, IOperation> resolve, CompilationIndex index)
        {
            IOperation? instance;
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return IsUnpublished(creation, index) ? ReceiverKind.Fresh : ReceiverKind.Other;
                case IInvocationOperation invocation:
                    instance = invocation.Instance;
                    break;
                case IPropertyReferenceOperation property:
                    instance = property.Instance;
                    break;
                default:
                    return ReceiverKind.Other;
            }

            instance = instance == null ? null : ValueResolver.StripConversions(instance);
            if (instance is IFlowCaptureReferenceOperation)
            {
                // _parent?.Changed(): the receiver is the value the conditional access captured.
                instance = ValueResolver.StripConversions(resolve(instance));
            }

            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return ReceiverKind.This;
                case IObjectCreationOperation creation:
                    return IsUnpublished(creation, index) ? ReceiverKind.Fresh : ReceiverKind.Other;
                case ILocalReferenceOperation local when resolve(local) is IObjectCreationOperation creation
                    && IsUnpublished(creation, index) && UsedOnlyAsReceiver(local.Local):
                    return ReceiverKind.Fresh;
                case IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, Type: INamedTypeSymbol self } } member
                    when member is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                    return OwnerLinkOf(member.Member, self, index);
                default:
                    return ReceiverKind.Other;
            }
        }

        /// <summary>A member of <c>this</c>: the back-pointer to this object's owner, a helper this object owns, or an object it was made with.</summary>
        private static ReceiverKind OwnerLinkOf(ISymbol member, INamedTypeSymbol self, CompilationIndex index)
        {
            if (index.Owners.BackPointerOf(self) is { } backPointer && SymbolEqualityComparer.Default.Equals(backPointer, member.OriginalDefinition))
            {
                return ReceiverKind.Owner;
            }

            if (index.Owners.IsOwnedHelper(member))
            {
                return ReceiverKind.Helper;
            }

            return index.Owners.IsFixedAtConstruction(member) ? ReceiverKind.Part : ReceiverKind.Other;
        }

        private static bool IsUnpublished(IObjectCreationOperation creation, CompilationIndex index)
            => creation.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type && !index.LetsOutThis(type);

        private static bool UsedOnlyAsReceiver(ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.IsEmpty || Body(local.DeclaringSyntaxReferences[0].GetSyntax()) is not { } body)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                bool receiver = (name.Parent is MemberAccessExpressionSyntax access && access.Expression == name)
                    || (name.Parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == name);
                if (!receiver || MemberWrites.InNestedFunction(name, body))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The body the local is declared in: a member, a local function or a lambda.</summary>
        private static SyntaxNode? Body(SyntaxNode declarator)
        {
            for (var node = declarator.Parent; node != null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
                {
                    return node;
                }
            }

            return null;
        }
    }
}
