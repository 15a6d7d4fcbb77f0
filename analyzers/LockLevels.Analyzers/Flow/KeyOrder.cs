using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>
    /// A local chosen between two objects by a condition, the way code orders two locks of one class by a
    /// key: <c>var (first, second) = a.Id &lt; b.Id ? (a, b) : (b, a);</c>, or <c>var first = a.Id &lt; b.Id ? a : b;</c>
    /// and its mirror. Two locals chosen by one condition between the same objects, swapped, are taken in a
    /// stated order wherever that code runs.
    /// </summary>
    internal readonly struct KeyOrder
    {
        private KeyOrder(string condition, string whenTrue, string whenFalse)
        {
            Condition = condition;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public string Condition { get; }

        public string WhenTrue { get; }

        public string WhenFalse { get; }

        /// <summary>Whether this choice and <paramref name="other"/> pick the two objects in swapped positions by one condition.</summary>
        public bool Mirrors(KeyOrder other)
            => Condition == other.Condition && WhenTrue == other.WhenFalse && WhenFalse == other.WhenTrue && WhenTrue != WhenFalse;

        /// <summary>The choice the local at the root of a lock object's path (first in first.Gate) was declared with, if any.</summary>
        public static KeyOrder? Of(IOperation? operation)
        {
            while (true)
            {
                switch (operation == null ? null : ValueResolver.StripConversions(operation))
                {
                    case IFieldReferenceOperation field:
                        operation = field.Instance;
                        break;
                    case IPropertyReferenceOperation property:
                        operation = property.Instance;
                        break;
                    case ILocalReferenceOperation local:
                        return OfLocal(local.Local);
                    default:
                        return null;
                }
            }
        }

        private static KeyOrder? OfLocal(ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
            if (declaration is VariableDeclaratorSyntax { Initializer.Value: ConditionalExpressionSyntax single })
            {
                return new KeyOrder(single.Condition.ToString(), single.WhenTrue.ToString(), single.WhenFalse.ToString());
            }

            // var (first, second) = condition ? (a, b) : (b, a): the local's position picks its element.
            if (declaration is SingleVariableDesignationSyntax { Parent: ParenthesizedVariableDesignationSyntax designation }
                && designation.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { Right: ConditionalExpressionSyntax pair }
                && pair.WhenTrue is TupleExpressionSyntax whenTrue && pair.WhenFalse is TupleExpressionSyntax whenFalse
                && designation.Variables.IndexOf((VariableDesignationSyntax)declaration) is var index and >= 0
                && index < whenTrue.Arguments.Count && index < whenFalse.Arguments.Count)
            {
                return new KeyOrder(pair.Condition.ToString(), whenTrue.Arguments[index].ToString(), whenFalse.Arguments[index].ToString());
            }

            return null;
        }
    }
}
