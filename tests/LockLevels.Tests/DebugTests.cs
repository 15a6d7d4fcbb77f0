using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using LockLevels.Analyzers.Roslyn;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LockLevels.Tests
{
    public class DebugTests(ITestOutputHelper output)
    {
        [Fact]
        public async Task Dump()
        {
            var c = AnalyzerRunner.Compile(Preamble.With("""
            sealed class Cache : IAddressSpaceOperations
            {
                private readonly SuperBlock _sb = new();
                public void WritePages(AddressSpace mapping) { _sb.StartWrite(); _sb.EndWrite(); }
                public void ReadFolio(AddressSpace mapping) { }
            }
            """));
            var lc = LockCompilation.For(c);
            output.WriteLine("has " + lc.Symbols.HasAnnotations + " decl " + lc.Order.HasDeclarations + " outer " + lc.Order.IsOuter("SbWriters", "InvalidateLock"));
            var wp = c.GetTypeByMetadataName("Cache")!.GetMembers("WritePages").OfType<IMethodSymbol>().Single();
            output.WriteLine("ctx " + lc.ContextOf(wp)?.DeclaringMemberName);
            output.WriteLine("ann " + lc.Annotations.ForMethod(c.GetTypeByMetadataName("SuperBlock")!.GetMembers("StartWrite").OfType<IMethodSymbol>().Single()).Acquires.Length);
            foreach (var d in c.GetDiagnostics()) output.WriteLine(d.ToString());
            foreach (var d in await AnalyzerRunner.RunAsync(c)) output.WriteLine(d.ToString());
            output.WriteLine("analyzers " + AnalyzerRunner.AllAnalyzers.Length);
            var tree = c.SyntaxTrees.First();
            var model = c.GetSemanticModel(tree);
            var decl = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First(m => m.Identifier.Text == "WritePages" && m.Body != null);
            var op = model.GetOperation(decl)!;
            output.WriteLine("op " + op.Kind + " parent " + (op.Parent?.Kind));
            var facts = MethodLockAnalysis.Analyze(lc, op, wp, o => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)o), default);
            output.WriteLine("findings " + facts.Findings.Length);
            foreach (var f in facts.Findings) output.WriteLine(f.ToDiagnostic().ToString());
            var cfg = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)op);
            foreach (var b in cfg.Blocks) { output.WriteLine("B" + b.Ordinal + " " + b.Kind); foreach (var o in b.Operations) output.WriteLine("   " + o.Kind + " " + o.Syntax); }
        }
    }
}
