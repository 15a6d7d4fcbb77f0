using System;
using System.IO;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>A folder of files written by a test, deleted afterwards.</summary>
    internal sealed class TempTree : IDisposable
    {
        public TempTree()
        {
            Root = Path.Combine(Path.GetTempPath(), "locklevels-cli-" + Path.GetRandomFileName());
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public string PathOf(string relative) => Path.Combine(Root, relative);

        public void Write(string relative, string text)
        {
            string path = PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        /// <summary>
        /// A net10.0 project in <paramref name="folder"/> that compiles against the annotations DLL and gets
        /// LockLevels' analyzer DLL as an Analyzer item, exactly what the package's analyzers/dotnet/cs gives.
        /// </summary>
        public void WriteProjectWithAnalyzer(string folder, string name)
            => Write($"{folder}/{name}.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="LockLevels.Annotations" HintPath="{Path.Combine(AppContext.BaseDirectory, "LockLevels.Annotations.dll")}" />
                    <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "LockLevels.Analyzers.dll")}" />
                  </ItemGroup>
                </Project>
                """);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build host may still hold a file for a moment; the temp folder is cleaned eventually.
            }
        }
    }
}
