using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LockLevels.Tests.Interprocedural
{
    /// <summary>
    /// Corpus/Findings/InMemoryFileSystem.cs, issue 13's user story: one custom lock class for the rename lock
    /// and every node, levels on the lock objects, a hand-over-hand walk that must start with no node held,
    /// and a rename that walks again from the root while it holds a directory. Every analyzer runs over it.
    /// </summary>
    public class InMemoryFileSystemCorpusTests
    {
        private const string File = "InMemoryFileSystem.cs";

        private static async Task<string[]> Reported(Func<string, string>? edit = null)
        {
            var text = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "Findings", File));
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(edit == null ? text : edit(text)), AnalyzerRunner.ParseOptions, path: File);
            var compilation = AnalyzerRunner.CompileTrees(new[] { tree }, OutputKind.DynamicallyLinkedLibrary);
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            return (await AnalyzerRunner.RunAsync(compilation))
                .Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal))
                .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}:{diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1} {diagnostic.GetMessage()}")
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>
        /// LL0007 (info) names the public members that take a level without declaring it for callers in
        /// other assemblies; they are suggestions, the same in every variant below.
        /// </summary>
        private static readonly string[] Undeclared =
        {
            "LL0007 128:21 Exists acquires MemFs.Node but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
            "LL0007 142:23 Read acquires MemFs.Node but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
            "LL0007 158:21 Write acquires MemFs.Node but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
            "LL0007 188:21 TryDelete acquires MemFs.Node but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
            "LL0007 219:21 Rename acquires MemFs.Rename, MemFs.Node but does not declare it; callers in other assemblies cannot see the acquisition without [MightAcquire]",
        };

        private const string RenameRewalk =
            "LL0011 227:25 'MemFs.Node' may be held at this call (taken by MemoryFileSystem.Walk), and MemoryFileSystem.Walk must be entered without it ([CalledWithLocksNotHeld]): MemoryFileSystem.Exists → MemoryFileSystem.Walk";

        /// <summary>The rename's walk from the root while it holds its directory is the one bug; the hand-over-hand walks, the try-lock and the nestings are fine.</summary>
        [Fact]
        public async Task Annotated_ReportsOnlyTheRenamesRewalk()
            => Assert.Equal(Undeclared.Append(RenameRewalk).OrderBy(line => line, StringComparer.Ordinal), await Reported());

        /// <summary>Before "must not hold" there was no way to say the walk starts with no node held: the rename was accepted.</summary>
        [Fact]
        public async Task WithoutCalledWithLocksNotHeld_TheRewalkIsMissed()
            => Assert.Equal(Undeclared, await Reported(text => text.Replace("        [CalledWithLocksNotHeld(\"MemFs.Node\")]\n", "")));

        /// <summary>The fix: look the new name up in the directory already held, instead of walking again.</summary>
        [Fact]
        public async Task RenameThatLooksInTheHeldDirectory_IsClean()
            => Assert.Equal(Undeclared, await Reported(text => text.Replace("if (Exists(folder + \"/\" + to))", "if (dir.Find(to) != null)")));

        /// <summary>Without the nesting declaration, the walk's parent-then-child nesting is one class on two objects.</summary>
        [Fact]
        public async Task WithoutTheWalksNesting_LL0010ReportsIt()
            => Assert.Equal(
                Undeclared.Append(RenameRewalk).Concat(new[]
                {
                    "LL0010 274:21 'MemFs.Node' is acquired on child while it is held on dir (first Node.Lock.EnterShared, then Node.Lock.EnterExclusive); a thread nesting them the other way deadlocks with this one",
                    "LL0010 278:21 'MemFs.Node' is acquired on child while it is held on dir (first Node.Lock.EnterShared, then Node.Lock.EnterShared); a thread nesting them the other way deadlocks with this one",
                }).OrderBy(line => line, StringComparer.Ordinal),
                await Reported(text => text.Replace("        [LockNesting(\"dir\", \"child\")]\n", "")));
    }
}
