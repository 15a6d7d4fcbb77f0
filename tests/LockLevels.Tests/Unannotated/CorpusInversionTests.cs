using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LockLevels.Tests.Unannotated
{
    /// <summary>The corpus's real-shaped AB-BA files (Corpus/Inversions): each is exactly one LL0100, naming its cycle.</summary>
    public class CorpusInversionTests
    {
        [Theory]
        [InlineData("FieldsInOppositeOrders.cs", "Corpus.Inversions.FieldsInOppositeOrders.OrderBook._asksGate → Corpus.Inversions.FieldsInOppositeOrders.OrderBook._bidsGate (Cancel: lock (Corpus.Inversions.FieldsInOppositeOrders.OrderBook._bidsGate)) → Corpus.Inversions.FieldsInOppositeOrders.OrderBook._asksGate (Match: lock (Corpus.Inversions.FieldsInOppositeOrders.OrderBook._asksGate))")]
        [InlineData("AcrossClassesViaCalls.cs", "Corpus.Inversions.AcrossClassesViaCalls.Account._gate → Corpus.Inversions.AcrossClassesViaCalls.Bank._gate (Withdraw: Bank.RecordActivity → lock (Corpus.Inversions.AcrossClassesViaCalls.Bank._gate)) → Corpus.Inversions.AcrossClassesViaCalls.Account._gate (ApplyInterest: Account.Balance → lock (Corpus.Inversions.AcrossClassesViaCalls.Account._gate))")]
        [InlineData("MonitorVersusLockStatement.cs", "Corpus.Inversions.MonitorVersusLockStatement.SessionTable._indexGate → Corpus.Inversions.MonitorVersusLockStatement.SessionTable._sessionsGate (Rebuild: Corpus.Inversions.MonitorVersusLockStatement.SessionTable._sessionsGate.Enter) → Corpus.Inversions.MonitorVersusLockStatement.SessionTable._indexGate (Expire: lock (Corpus.Inversions.MonitorVersusLockStatement.SessionTable._indexGate))")]
        public async Task InversionFile_IsOneUnannotatedCycle(string file, string expectedCycle)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "Inversions", file);
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), AnalyzerRunner.ParseOptions, path: file);
            var compilation = AnalyzerRunner.CompileTrees(new[] { tree }, OutputKind.DynamicallyLinkedLibrary);
            Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            var reported = (await AnalyzerRunner.RunAsync(compilation)).Where(diagnostic => diagnostic.Id.StartsWith("LL", StringComparison.Ordinal)).ToArray();
            var inversion = Assert.Single(reported);
            Assert.Equal("LL0100", inversion.Id);
            Assert.Equal("possible lock-order inversion between unannotated locks: " + expectedCycle, inversion.GetMessage());
        }
    }
}
