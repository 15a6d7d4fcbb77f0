using System;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// The one place that decides what an operation contributes as a call: a call worth following (into
    /// source or annotated), an event subscription, an invocation of a deep-context member. Both walks
    /// feed it, the held-lock flow and the lock-free walk, so a body's calls never depend on whether
    /// the body happens to take a lock.
    /// </summary>
    internal sealed class CallRecorder
    {
        private readonly CompilationIndex _index;

        public CallRecorder(CompilationIndex index) => _index = index;

        public CompilationIndex Index => _index;

        /// <param name="held">The levels held at the operation, context levels first.</param>
        /// <param name="resolve">How the walk sees through temporaries and locals to a delegate's value.</param>
        /// <param name="heldSites">The acquisitions of the body held at the operation, with their objects.</param>
        public void Record(IOperation operation, ImmutableArray<string> held, BodyFacts facts, Func<IOperation, IOperation> resolve, ImmutableArray<HeldSite> heldSites = default)
        {
            if (facts.Method != null && CallTargets.Subscription(operation, resolve) is { } subscription)
            {
                facts.Subscriptions.Add(subscription);
            }

            RecordCreations(operation, facts);
            DelegateStores.Record(operation, facts, resolve);
            var target = CallTargets.Of(operation, resolve);
            if (target == null)
            {
                if (facts.Method != null && operation is IInvocationOperation { Instance: { } instance } invocation && CallTargets.InvokesDelegate(invocation.TargetMethod)
                    && DelegateStores.SourceOf(instance, resolve) is { } source)
                {
                    // _callback(), _queue.Dequeue()(): whatever the compilation stored there runs here.
                    facts.Calls.Add(new Call(AnnotationReader.Normalize(invocation.TargetMethod), operation.Syntax, held, isExact: false, receiver: null, delegateSource: source));
                }

                return;
            }

            if (facts.Method != null && _index.IsWorthRecording(target))
            {
                var (isExact, receiver) = CallTargets.Dispatch(operation);
                facts.Calls.Add(new Call(target, operation.Syntax, held, isExact, receiver, FreshObjects.ReceiverOf(operation, resolve, _index),
                    receiverPath: ObjectPaths.ReceiverOf(operation, target, resolve), heldSites: heldSites, flags: FlagGuards.ArgumentsOf(operation, facts.Method),
                    guard: FlagGuards.Of(operation, facts.Method), releasedBefore: ReleasedSoFar(facts, held)));
            }

            // A deep context is entered by a call, a `new` of an annotated constructor, or a use of an
            // annotated property or indexer (its accessor); a method group or delegate creation enters nothing yet.
            if ((operation is IInvocationOperation or IObjectCreationOperation or IPropertyReferenceOperation) && _index.ContextOf(target) is { } required)
            {
                facts.DeepContextCalls.Add(new DeepContextCall(target, required, operation.Syntax.GetLocation(), held));
            }
        }

        /// <summary>
        /// Levels the body has given back (its caller's hold) before this point and not taken again here: the flow
        /// records releases in code order. One taken again is the caller's hold, and a callee that takes it retakes it.
        /// </summary>
        private static ImmutableArray<string> ReleasedSoFar(BodyFacts facts, ImmutableArray<string> held)
        {
            if (facts.HandedBack.Count == 0)
            {
                return ImmutableArray<string>.Empty;
            }

            var levels = ImmutableArray.CreateBuilder<string>(facts.HandedBack.Count);
            foreach (var level in facts.HandedBack)
            {
                if (!held.Contains(level))
                {
                    levels.Add(level);
                }
            }

            return levels.ToImmutable();
        }

        /// <summary>What makes a type's overrides reachable (<c>new</c>, <c>typeof</c>, a generic argument), and methods that become delegates.</summary>
        private static void RecordCreations(IOperation operation, BodyFacts facts)
        {
            switch (operation)
            {
                case IObjectCreationOperation { Type: { } created }:
                    AddType(facts, created);
                    break;
                case ITypeOfOperation typeOf:
                    AddType(facts, typeOf.TypeOperand);
                    break;
                case IInvocationOperation invocation when HasTypeArgumentList(invocation.Syntax):
                    // Only type arguments the call spells: an inferred one is the type of a value
                    // that exists already, and the first pass, which reads syntax, sees what it spells.
                    foreach (var argument in invocation.TargetMethod.TypeArguments)
                    {
                        AddType(facts, argument);
                    }

                    break;
                case IMethodReferenceOperation reference:
                    var target = AnnotationReader.Normalize(reference.Method);
                    facts.DelegateTargets.Add(target);
                    if (DelegateStores.StorageMadeInto(reference) is { } storage)
                    {
                        facts.DelegatesMadeIntoStorage.Add((target, storage));
                    }

                    break;
            }
        }

        private static bool HasTypeArgumentList(SyntaxNode call)
            => call is InvocationExpressionSyntax { Expression: GenericNameSyntax or MemberAccessExpressionSyntax { Name: GenericNameSyntax } or MemberBindingExpressionSyntax { Name: GenericNameSyntax } };

        private static void AddType(BodyFacts facts, ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && named.ContainingAssembly is ISourceAssemblySymbol)
            {
                facts.CreatedTypes.Add(named.OriginalDefinition);
                foreach (var argument in named.TypeArguments)
                {
                    AddType(facts, argument);
                }
            }
        }
    }
}
