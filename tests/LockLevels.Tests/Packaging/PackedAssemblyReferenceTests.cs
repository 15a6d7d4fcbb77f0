using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LockLevels.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests.Packaging
{
    /// <summary>
    /// The analyzer and code-fix DLLs reference Microsoft.CodeAnalysis 4.8 (RoslynShippedVersion in
    /// Directory.Packages.props): a DLL built on version N loads only in compilers from N up, so a newer
    /// reference would silently drop LockLevels from the .NET 8 SDK and Visual Studio 17.8. Read from the
    /// DLLs' metadata, without loading them.
    /// </summary>
    public class PackedAssemblyReferenceTests
    {
        private static readonly Version Expected = new(4, 8, 0, 0);

        private readonly ITestOutputHelper _output;

        public PackedAssemblyReferenceTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData("LockLevels.Analyzers", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp")]
        [InlineData("LockLevels.CodeFixes", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces")]
        public void BuiltDll_ReferencesRoslyn48(string assembly, params string[] atLeast)
        {
            var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
            var references = RoslynReferences(File.ReadAllBytes(path));

            Assert.All(atLeast, name => Assert.Contains(name, references.Keys));
            Assert.All(references, reference => Assert.True(reference.Value == Expected, $"{assembly}.dll references {reference.Key} {reference.Value}, not {Expected}"));
        }

        /// <summary>
        /// The packed DLLs too, when a package of this version has been packed (eng/run-sample.sh packs into
        /// artifacts/packages; `dotnet test` alone does not, and then there is nothing to read).
        /// </summary>
        [Fact]
        public void PackedDlls_ReferenceRoslyn48_WhenPacked()
        {
            var version = typeof(PackedAssemblyReferenceTests).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!
                .InformationalVersion.Split('+')[0];
            var package = RepositoryPaths.Of($"artifacts/packages/LockLevels.{version}.nupkg");
            if (!File.Exists(package))
            {
                _output.WriteLine($"{package} not packed: nothing to check");
                return;
            }

            using var zip = ZipFile.OpenRead(package);
            var analyzerDlls = zip.Entries.Where(entry => entry.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && entry.Name.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[] { "LockLevels.Analyzers.dll", "LockLevels.CodeFixes.dll" }, analyzerDlls.Select(entry => entry.Name).OrderBy(name => name, StringComparer.Ordinal));
            foreach (var entry in analyzerDlls)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var references = RoslynReferences(copy.ToArray());
                Assert.Contains("Microsoft.CodeAnalysis", references.Keys);
                Assert.All(references, reference => Assert.True(
                    reference.Value == Expected,
                    $"{entry.FullName} in {package} references {reference.Key} {reference.Value}, not {Expected} (a package packed before the change? repack: eng/run-sample.sh)"));
            }
        }

        /// <summary>Every Microsoft.CodeAnalysis* assembly the image references, with its version.</summary>
        private static Dictionary<string, Version> RoslynReferences(byte[] image)
        {
            using var pe = new PEReader(new MemoryStream(image));
            var metadata = pe.GetMetadataReader();
            var references = new Dictionary<string, Version>(StringComparer.Ordinal);
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                var name = metadata.GetString(reference.Name);
                if (name == "Microsoft.CodeAnalysis" || name.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal))
                {
                    references.Add(name, reference.Version);
                }
            }

            return references;
        }
    }
}
