using System;
using System.IO;
using System.Linq;
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
    /// Another reference that defines the annotation types too (a library embedding its own internal copy
    /// of the attributes) must not hide the real ones: Compilation.GetTypeByMetadataName returns null as
    /// soon as two assemblies define a name, and every annotation would silently vanish.
    /// </summary>
    public class DuplicateAnnotationTypesTests
    {
        private const string AnnotatedInversion = """
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("Outer", "Inner")]

            sealed class Gates
            {
                [Lock("Outer")] public readonly object Outer = new();
                [Lock("Inner")] public readonly object Inner = new();

                void M()
                {
                    lock (Inner) { lock (Outer) { } }
                }
            }
            """;

        /// <summary>A library with its own copies of LockLevels' attributes, internal or public.</summary>
        private static MetadataReference LibraryDefiningTheAttributes(string accessibility)
        {
            var source = $$"""
                namespace LockLevels
                {
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    {{accessibility}} sealed class LockAttribute : System.Attribute { public LockAttribute(string level) { } }
                    [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                    {{accessibility}} sealed class LockHierarchyAttribute : System.Attribute { public LockHierarchyAttribute(params string[] levels) { } }
                }
                """;
            var library = CSharpCompilation.Create(
                "EmbedsAttributes" + accessibility,
                new[] { CSharpSyntaxTree.ParseText(source, AnalyzerRunner.ParseOptions) },
                TestReferences.Framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var emitted = library.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        private static CSharpCompilation CompileWith(MetadataReference extra, string source)
            => AnalyzerRunner.Compile(source).AddReferences(extra);

        [Fact]
        public void InternalCopyInAnotherReference_TheVisibleTypeIsFound()
        {
            var compilation = CompileWith(LibraryDefiningTheAttributes("internal"), AnnotatedInversion);
            Assert.Equal(2, compilation.GetTypesByMetadataName("LockLevels.LockAttribute").Length);
            Assert.Null(compilation.GetTypeByMetadataName("LockLevels.LockAttribute")); // why it is banned

            var found = LockSymbols.TypeNamed(compilation, "LockLevels.LockAttribute");

            Assert.NotNull(found);
            Assert.Equal(LockSymbols.AnnotationsAssemblyName, found!.ContainingAssembly.Name);
        }

        [Fact]
        public async Task InternalCopyInAnotherReference_AnnotationsStillWork()
        {
            var compilation = CompileWith(LibraryDefiningTheAttributes("internal"), AnnotatedInversion);
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            var reported = (await AnalyzerRunner.RunAsync(compilation)).Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal)).ToArray();

            Assert.Contains(reported, diagnostic => diagnostic.Id == "LL0001");
        }

        [Fact]
        public void OwnDefinition_IsPreferredOverAReference()
        {
            var compilation = AnalyzerRunner.Compile("""
                namespace LockLevels
                {
                    internal sealed class LockAttribute : System.Attribute { public LockAttribute(string level) { } }
                }
                """);

            var found = LockSymbols.TypeNamed(compilation, "LockLevels.LockAttribute");

            Assert.NotNull(found);
            Assert.Same(compilation.Assembly, found!.ContainingAssembly);
        }

        /// <summary>Two public definitions in two references: the source cannot name either without an alias, so neither is taken.</summary>
        [Fact]
        public void TwoPublicCopiesInReferences_AreAmbiguous()
        {
            var compilation = CompileWith(LibraryDefiningTheAttributes("public"), "class C { }");

            Assert.Null(LockSymbols.TypeNamed(compilation, "LockLevels.LockAttribute"));
            Assert.NotNull(LockSymbols.TypeNamed(compilation, "LockLevels.AcquiresAttribute"));
        }
    }
}
