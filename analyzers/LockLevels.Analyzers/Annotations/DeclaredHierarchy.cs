using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>One [assembly: LockHierarchy(...)] and the levels it lists.</summary>
    internal sealed class DeclaredHierarchy
    {
        public DeclaredHierarchy(AttributeData attribute, IReadOnlyList<string> levels)
        {
            Attribute = attribute;
            Levels = levels;
        }

        public AttributeData Attribute { get; }

        public IReadOnlyList<string> Levels { get; }
    }
}
