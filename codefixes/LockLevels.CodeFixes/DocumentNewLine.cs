using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LockLevels.CodeFixes
{
    /// <summary>The line ending a document already uses, so added code matches it.</summary>
    internal static class DocumentNewLine
    {
        public static SyntaxTrivia Of(SyntaxNode root)
        {
            var existing = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.EndOfLine("\n");
        }
    }
}
