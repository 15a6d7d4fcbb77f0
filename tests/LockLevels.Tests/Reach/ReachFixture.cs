using System;
using System.Linq;
using System.Threading;
using LockLevels.Analyzers.Reach;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LockLevels.Tests.Reach
{
    /// <summary>A compiled source and its first pass, with members found by name.</summary>
    internal sealed class ReachFixture
    {
        /// <summary>The usings of every first-pass test source, and a lock-free class the tests expect out.</summary>
        public const string Usings = """
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using LockLevels;

            static class Unrelated
            {
                public static int Twice(int x) => x + x;
                public static string Name(object o) => o.ToString() ?? "";
            }

            """;

        private ReachFixture(Compilation compilation, LockReach reach)
        {
            Compilation = compilation;
            Reach = reach;
        }

        public Compilation Compilation { get; }

        public LockReach Reach { get; }

        /// <summary>Compiles the sources (which must compile without errors) and runs the first pass.</summary>
        public static ReachFixture Of(params string[] sources) => Of(AnalyzerRunner.Compile(sources));

        public static ReachFixture Of(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(errors.Length == 0, "the test source does not compile:\n" + string.Join("\n", errors.Select(error => error.ToString())));
            return new ReachFixture(compilation, LockReach.Build(compilation, CancellationToken.None));
        }

        /// <summary>The one member declaration (method, property, indexer, constructor, operator...) of <paramref name="type"/> named <paramref name="member"/>.</summary>
        public SyntaxNode Member(string type, string member)
        {
            var declarations = Compilation.SyntaxTrees
                .SelectMany(tree => tree.GetRoot().DescendantNodes())
                .OfType<BaseTypeDeclarationSyntax>()
                .Where(declaration => declaration.Identifier.ValueText == type)
                .SelectMany(declaration => declaration.ChildNodes().OfType<MemberDeclarationSyntax>())
                .Where(declaration => NameOf(declaration) == member)
                .ToArray();
            Assert.True(declarations.Length == 1, $"{declarations.Length} members {type}.{member}");
            return declarations[0];
        }

        public bool MayMatter(string type, string member) => Reach.MayMatter(Member(type, member));

        public void AssertIn(string type, string member)
            => Assert.True(MayMatter(type, member), $"{type}.{member} should be in the first pass's set");

        public void AssertOut(string type, string member)
            => Assert.False(MayMatter(type, member), $"{type}.{member} should be out of the first pass's set");

        private static string? NameOf(MemberDeclarationSyntax declaration)
            => declaration switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                EventDeclarationSyntax @event => @event.Identifier.ValueText,
                IndexerDeclarationSyntax => "this[]",
                ConstructorDeclarationSyntax constructor => constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? "static " + constructor.Identifier.ValueText : constructor.Identifier.ValueText,
                OperatorDeclarationSyntax op => "operator " + op.OperatorToken.ValueText,
                ConversionOperatorDeclarationSyntax conversion => conversion.ImplicitOrExplicitKeyword.ValueText + " operator",
                BaseFieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.ValueText,
                _ => null,
            };
    }
}
