using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>What a unit refers to by name: calls, scoped or on a receiver, values, operators, locals and the types it mentions.</summary>
    internal sealed partial class ReachWalker
    {
        /// <summary>A call on a local or parameter: on its declared type when the declaration gives one, on any type if not; the other receivers wait for the whole compilation.</summary>
        private void ResolveReceiversOnLocals()
        {
            foreach (var (caller, call) in _receiverCalls)
            {
                if (call.Receiver == null)
                {
                    caller.CallOnReceiver(call);
                }
                else if (ReachSyntax.LeftmostName(call.Receiver) is { } first && _locals.TryGetValue(first, out var localType))
                {
                    if (localType == null)
                    {
                        // On a local or parameter whose type the syntax does not give.
                        ReferAnyOfName(caller, call.Name);
                    }
                    else
                    {
                        caller.CallOnReceiver(new ReceiverCall(call.Name, call.Receiver, call.Scope, localType));
                    }
                }
                else if (ReachSyntax.IsImplicitParameter(call.Receiver))
                {
                    ReferAnyOfName(caller, call.Name);
                }
                else
                {
                    caller.CallOnReceiver(call);
                }
            }

            _receiverCalls.Clear();
        }

        /// <summary>A call (or element access) whose receiver can be of any type: every method (or indexer) of the name.</summary>
        private void ReferAnyOfName(ReachUnit unit, string name)
        {
            if (name == ReachNames.Indexer)
            {
                unit.Refer(ReachNames.Indexer);
                return;
            }

            unit.Refer(MethodForm(name));
            unit.Invoke(name);
        }

        private void CallOnReceiver(string name, ExpressionSyntax? receiver, string? startType)
        {
            foreach (var unit in _active)
            {
                _receiverCalls.Add((unit, new ReceiverCall(name, receiver, _typeScope, startType)));
            }
        }

        /// <summary><c>x[i]</c>: the indexers of x's type when the syntax gives it (none of source for an array or a type of another assembly).</summary>
        private void ElementAccess(ExpressionSyntax target)
        {
            if (target is ThisExpressionSyntax && _typeName.Length > 0)
            {
                CallOnReceiver(ReachNames.Indexer, target, _typeName);
            }
            else if (ReachSyntax.IsReceiverChain(target))
            {
                CallOnReceiver(ReachNames.Indexer, target, ReachSyntax.StartsWithThis(target) && _typeName.Length > 0 ? _typeName : null);
            }
            else
            {
                Refer(ReachNames.Indexer);
            }
        }

        /// <summary>
        /// <c>using</c> and <c>await using</c> call the resources' Dispose or DisposeAsync: of their declared
        /// types when the declaration gives them, of any type otherwise.
        /// </summary>
        private void Disposes(VariableDeclarationSyntax? declaration, SyntaxToken awaitKeyword)
        {
            bool awaits = awaitKeyword.IsKind(SyntaxKind.AwaitKeyword);
            if (awaits)
            {
                Refer(ReachNames.Awaiting);
            }

            if (declaration == null)
            {
                Refer(ReachNames.Disposal);
                return;
            }

            foreach (var variable in declaration.Variables)
            {
                if ((ReachSyntax.TypeNameOf(declaration.Type) ?? ReachSyntax.TypeNameOf(variable.Initializer?.Value)) is not { } type)
                {
                    Refer(ReachNames.Disposal);
                    return;
                }

                CallOnReceiver(awaits ? "DisposeAsync" : "Dispose", null, type);
            }
        }

        /// <summary>A local, parameter or range variable of the unit; one that may hold a delegate is called through when invoked.</summary>
        private void Local(string name, TypeSyntax? type = null, ExpressionSyntax? initializer = null, bool mayHoldDelegate = true)
        {
            var typeName = ReachSyntax.TypeNameOf(type) ?? ReachSyntax.TypeNameOf(initializer);
            if (_locals.TryGetValue(name, out var known))
            {
                // One name declared again in another scope of the unit: its type is known only if the same.
                if (known != typeName)
                {
                    _locals[name] = null;
                }
            }
            else
            {
                _locals.Add(name, typeName);
            }

            if (mayHoldDelegate && ReachSyntax.MayHoldDelegate(type))
            {
                _delegateLocals.Add(name);
            }
        }

        /// <summary>A local or parameter called like a method (<c>callback(x)</c>) is a delegate invoked, unless it holds only a lambda of this unit.</summary>
        private void MarkLocalDelegateCalls(ReachUnit unit)
        {
            if (unit.Invoked == null || _delegateLocals.Count == 0)
            {
                return;
            }

            foreach (var name in unit.Invoked)
            {
                if (_delegateLocals.Contains(name) && !unit.InvokesOwnLambda(name))
                {
                    unit.InvokesDelegate = true;
                    return;
                }
            }
        }

        private void ReferOperator(string token)
        {
            if (ReachNames.OperatorName(token) is { } name)
            {
                Refer(name);
            }
        }

        /// <summary>A type written where it only declares calls nothing, but a value of it may be converted there.</summary>
        private void MentionTypesIn(SyntaxNode type, ReachUnit unit)
        {
            if (_converted is { Count: 0 })
            {
                return;
            }

            foreach (var node in type.DescendantNodesAndSelf())
            {
                if (node is SimpleNameSyntax name && (_converted == null || _converted.Contains(name.Identifier.ValueText)))
                {
                    unit.MentionType(name.Identifier.ValueText);
                }
            }
        }

        /// <summary>
        /// A name reaches the values so named (a property's getter, an event's accessors, a type's
        /// constructors); called or in a slot where a method group becomes a delegate, the methods too.
        /// </summary>
        private void Name(SyntaxNode node, string name)
        {
            Refer(name);
            if (ReachSyntax.IsInvokedName(node))
            {
                if (ReachSyntax.ReceiverChain(node) is { } receiver)
                {
                    // Told apart once the walk is over: on a local, or on a type, member or namespace.
                    CallOnReceiver(name, receiver, ReachSyntax.StartsWithThis(receiver) && _typeName.Length > 0 ? _typeName : null);
                    return;
                }

                if (ScopeOfCall(node) is { } scope)
                {
                    foreach (var unit in _active)
                    {
                        unit.CallScoped(name, scope);
                    }
                }
                else
                {
                    Refer(MethodForm(name));
                }

                foreach (var unit in _active)
                {
                    unit.Invoke(name);
                }
            }
            else if (ReachSyntax.IsPassedName(node))
            {
                Refer(MethodForm(name));
                PassedNames.Add(name);
            }
        }

        /// <summary>
        /// Where an invoked name's method is, when the syntax says: without a receiver, in the types the call
        /// is written in (unless a <c>using static</c> brings in others); on <c>this</c> or <c>base</c>, in
        /// this type or its bases. Null for any other receiver: every method of the name.
        /// </summary>
        private TypeScope? ScopeOfCall(SyntaxNode name)
        {
            if (name.Parent is InvocationExpressionSyntax)
            {
                return _usingStatic ? null : _typeScope;
            }

            return name.Parent is MemberAccessExpressionSyntax access
                ? access.Expression.Kind() switch
                {
                    SyntaxKind.ThisExpression => _typeScope,
                    SyntaxKind.BaseExpression => _baseScope,
                    _ => null,
                }
                : null;
        }

        /// <summary>
        /// Adds the name to the active units, each name once per unit: a stamp per name and per
        /// nesting (member, fragment) remembers the last unit that took it, so no unit needs a set.
        /// </summary>
        private void Refer(string name)
        {
            if (_declared != null && !_declared.Contains(name) && !ReachNames.IsPseudo(name))
            {
                // No unit declares it: a local, a parameter, a member of another assembly.
                return;
            }

            for (int i = 0; i < _active.Count; i++)
            {
                var unit = _active[i];
                var stamps = i == 0 ? _memberStamps : _fragmentStamps;
                if (!stamps.TryGetValue(name, out int serial) || serial != unit.Serial)
                {
                    stamps[name] = unit.Serial;
                    unit.Refer(name);
                }
            }
        }

        private void Refer(string[] names)
        {
            foreach (var name in names)
            {
                Refer(name);
            }
        }

        /// <summary>Every name in a type the unit creates, names in typeof or as a type argument: any of them may be made live.</summary>
        private void CreateNamesIn(SyntaxNode type)
        {
            foreach (var node in type.DescendantNodesAndSelf())
            {
                if (node is SimpleNameSyntax name)
                {
                    _active[0].Create(name.Identifier.ValueText);
                }
            }
        }

        private void Reassigned(string name)
        {
            foreach (var unit in _active)
            {
                unit.Reassigned(name);
            }
        }
    }
}
