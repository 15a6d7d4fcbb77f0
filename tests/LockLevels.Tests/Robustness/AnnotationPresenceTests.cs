using System.IO;
using System.Threading.Tasks;
using LockLevels.Analyzers.Annotations;
using LockLevels.Tests.Support;
using LockLevels.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LockLevels.Tests.Robustness
{
    /// <summary>
    /// AnnotationPresence decides, without a symbol, that no LockLevels attribute type can exist; every shape
    /// in which one can must say "may".
    /// </summary>
    public class AnnotationPresenceTests
    {
        private const string Plain = "namespace App { sealed class Gate { readonly object _a = new(); void M() { lock (_a) { } } } }";

        private static CSharpCompilation Compile(string source, params MetadataReference[] extra)
            => CSharpCompilation.Create(
                "Presence",
                new[] { CSharpSyntaxTree.ParseText(source, AnalyzerRunner.ParseOptions) },
                TestReferences.Framework.AddRange(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static MetadataReference Library(string name, string source, params MetadataReference[] extra)
        {
            using var image = new MemoryStream();
            var emitted = Compile(source, extra).WithAssemblyName(name).Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        [Fact]
        public void FrameworkOnly_NoAnnotations()
            => Assert.False(AnnotationPresence.MayExist(Compile(Plain)));

        [Fact]
        public void UnrelatedLibrary_NoAnnotations()
            => Assert.False(AnnotationPresence.MayExist(Compile(Plain, Library("Unrelated", "namespace Locks { public sealed class LockBox { } }"))));

        [Fact]
        public void AnnotationsReferenced_May()
            => Assert.True(AnnotationPresence.MayExist(Compile(Plain, TestReferences.Annotations)));

        [Fact]
        public void SourceTypeNamedLikeAnAttribute_AnyNamespace_May()
            => Assert.True(AnnotationPresence.MayExist(Compile(Plain + " namespace Mine { sealed class AcquiresAttribute : System.Attribute { } }")));

        [Fact]
        public void LibraryEmbeddingACopy_May()
            => Assert.True(AnnotationPresence.MayExist(Compile(Plain, Library("Embeds", "namespace LockLevels { internal sealed class LockAttribute : System.Attribute { } }"))));

        [Fact]
        public void LibraryDeclaringAnyTypeInTheNamespace_May()
            => Assert.True(AnnotationPresence.MayExist(Compile(Plain, Library("Other", "namespace LockLevels { public static class Helpers { } }"))));

        [Fact]
        public void LibraryReferencingTheAnnotations_May()
        {
            var library = Library("Annotated", "namespace Lib { public sealed class Gate { [LockLevels.Acquires(\"A\")] public void Enter() { } } }", TestReferences.Annotations);
            Assert.True(AnnotationPresence.MayExist(Compile(Plain, library)));
        }

        [Fact]
        public void CompilationReference_May()
            => Assert.True(AnnotationPresence.MayExist(Compile(Plain, Compile("namespace Lib { public sealed class Nothing { } }").WithAssemblyName("Lib").ToMetadataReference())));

        [Fact]
        public void NoAnnotations_SymbolsResolveTheFrameworkTypesOnly()
        {
            var symbols = LockSymbols.Create(Compile(Plain));
            Assert.False(symbols.HasAnnotations);
            Assert.Null(symbols.LockHierarchy);
            Assert.NotNull(symbols.Monitor);
            Assert.NotNull(symbols.SemaphoreSlim);
        }

        /// <summary>With no annotation anywhere, LL0100 still reads every body that takes a lock.</summary>
        [Fact]
        public async Task NoAnnotations_InferredInversionStillReported()
        {
            var compilation = Compile("""
                namespace App
                {
                    sealed class Pair
                    {
                        private readonly object _a = new();
                        private readonly object _b = new();
                        public void Forward() { lock (_a) { lock (_b) { } } }
                        public void Backward() { lock (_b) { lock (_a) { } } }
                    }
                }
                """);
            Assert.False(AnnotationPresence.MayExist(compilation));
            var diagnostics = await AnalyzerRunner.RunAsync(compilation);
            Assert.Equal(
                "(7,51): warning LL0100: possible lock-order inversion between unannotated locks: App.Pair._a → App.Pair._b (Forward: lock (App.Pair._b)) → App.Pair._a (Backward: lock (App.Pair._a)) @6,50 @7,51",
                AnalyzerRunner.Describe(diagnostics));
        }
    }
}
