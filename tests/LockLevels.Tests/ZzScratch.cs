using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockLevels.Tests
{
    public class ZzScratch
    {
        [Fact]
        public async Task Dump()
        {
            var sb = new System.Text.StringBuilder();
            foreach (var file in Directory.GetFiles("/tmp/scratch", "*.cs").OrderBy(f => f))
            {
                var compilation = AnalyzerRunner.Compile(File.ReadAllText(file));
                sb.AppendLine("== " + file);
                foreach (var d in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)) sb.AppendLine("CS: " + d);
                var diags = await AnalyzerRunner.RunAsync(compilation);
                foreach (var d in diags.OrderBy(d => d.Location.SourceSpan.Start)) sb.AppendLine(d + "  [" + d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) + "]");
            }
            File.WriteAllText("/tmp/scratch/out.txt", sb.ToString());
        }
    }
}
