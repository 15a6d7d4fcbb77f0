using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockLevels.Analyzers.Reach
{
    /// <summary>
    /// Which units may hold an inferred wrapper (<see cref="Flow.WrapperEffects"/>): a method that leaves a lock
    /// held or gives back its caller's. Without annotations only a call of a framework locking API can do that
    /// by itself (a lock statement gives back what it takes), or a call of another wrapper, and a wrapper is a
    /// method no other assembly can call. So a unit may hold one when it calls a name of the locking APIs, or a
    /// name that a unit which may be such a method, and may hold one, declares. Wrapper inference binds no body
    /// outside these: most callees it is asked about would be bound only to find they are no wrapper.
    /// </summary>
    internal static class WrapperReach
    {
        /// <summary>Marks <see cref="ReachUnit.MayWrap"/>; in a compilation with annotations, every unit (annotated calls are events too).</summary>
        public static void Mark(ReachGraph graph, bool annotated)
        {
            if (annotated)
            {
                foreach (var unit in graph.Units)
                {
                    unit.MayWrap = true;
                }

                return;
            }

            var queue = new Queue<ReachUnit>();
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var api in ReachNames.LockApis)
            {
                MarkName(graph, ReachNames.Method(api), names, queue);
                MarkName(graph, ReachNames.Inherited(api), names, queue);
            }

            while (queue.Count > 0)
            {
                var unit = queue.Dequeue();
                if (unit.MayBeWrapperMethod)
                {
                    foreach (var name in unit.Declares)
                    {
                        MarkName(graph, name, names, queue);
                    }
                }
            }
        }

        /// <summary>
        /// A method that may be one no other assembly can call and that is not overridable, as far as its
        /// declarations say: one of it and its containing types is not declared public or protected (an
        /// explicit interface implementation counts from its type). Other parts of a partial type may say
        /// more; this errs towards yes.
        /// </summary>
        public static bool MayBeWrapperMethod(MethodDeclarationSyntax method)
        {
            foreach (var modifier in method.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.VirtualKeyword) || modifier.IsKind(SyntaxKind.AbstractKeyword) || modifier.IsKind(SyntaxKind.OverrideKeyword)
                    || modifier.IsKind(SyntaxKind.ExternKeyword))
                {
                    return false;
                }
            }

            if (method.ExplicitInterfaceSpecifier == null && !IsOpen(method.Modifiers))
            {
                return true;
            }

            for (var node = method.Parent; node != null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax type && !IsOpen(type.Modifiers))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Declared public or protected, and neither private nor internal.</summary>
        private static bool IsOpen(SyntaxTokenList modifiers)
        {
            bool open = false;
            foreach (var modifier in modifiers)
            {
                if (modifier.IsKind(SyntaxKind.PrivateKeyword) || modifier.IsKind(SyntaxKind.InternalKeyword))
                {
                    return false;
                }

                open |= modifier.IsKind(SyntaxKind.PublicKeyword) || modifier.IsKind(SyntaxKind.ProtectedKeyword);
            }

            return open;
        }

        private static void MarkName(ReachGraph graph, string name, HashSet<string> names, Queue<ReachUnit> queue)
        {
            if (!names.Add(name) || graph.ReferrersOf(name) is not { } referrers)
            {
                return;
            }

            foreach (var unit in referrers)
            {
                if (!unit.MayWrap)
                {
                    unit.MayWrap = true;
                    queue.Enqueue(unit);
                }
            }
        }
    }
}
