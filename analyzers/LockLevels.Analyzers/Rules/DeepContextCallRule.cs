using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Rules
{
    /// <summary>LL0006: a [CalledWithLocksHeld] member (or an implementation or override of one) called where a level it needs is not held.</summary>
    internal sealed class DeepContextCallRule : IBodyRule
    {
        public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeepContextCalledWithoutLocks);

        public void Report(ImmutableArray<BodyFacts> bodies, CompilationIndex index, Action<Diagnostic> report)
        {
            var reported = new HashSet<Location>();
            foreach (var body in bodies)
            {
                foreach (var call in body.DeepContextCalls)
                {
                    foreach (var level in call.Required.Levels)
                    {
                        if (!call.Held.Contains(level))
                        {
                            if (reported.Add(call.Location))
                            {
                                report(Diagnostic.Create(Descriptors.DeepContextCalledWithoutLocks, call.Location,
                                    DeepContext.MemberName(call.Callee), level, string.Join(", ", call.Required.Levels), call.Required.DeclaringMemberName));
                            }

                            break;
                        }
                    }
                }
            }
        }
    }
}
