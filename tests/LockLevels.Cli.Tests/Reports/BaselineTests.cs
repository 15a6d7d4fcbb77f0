using System.Collections.Immutable;
using System.IO;
using LockLevels.Cli.Baseline;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Reports;
using Xunit;

namespace LockLevels.Cli.Tests.Reports
{
    public sealed class BaselineTests
    {
        private static Finding Finding(string rule, int line, string method, params string[] classes)
            => new(rule, FindingSeverity.Warning, $"{rule} in {method}", new SourceSpan("A.cs", line, 1, line, 5),
                ImmutableArray<RelatedSpan>.Empty, ImmutableArray.Create(classes), ImmutableArray.Create("M:N.C." + method), "P");

        [Fact]
        public void AFindingThatMovedToAnotherLine_IsKnown()
        {
            var baseline = ImmutableArray.Create(BaselineEntry.Of(Finding("LL0001", 10, "Run", "A", "B")));

            var comparison = BaselineComparison.Compare(ImmutableArray.Create(Finding("LL0001", 42, "Run", "A", "B")), baseline);

            Assert.Empty(comparison.New);
            Assert.Single(comparison.Known);
            Assert.Empty(comparison.Gone);
        }

        [Fact]
        public void ASecondFindingWithTheSameKey_IsNew_AndAMissingOneIsGone()
        {
            var baseline = ImmutableArray.Create(
                BaselineEntry.Of(Finding("LL0001", 10, "Run", "A", "B")),
                BaselineEntry.Of(Finding("LL0002", 20, "Stop", "B")));

            var comparison = BaselineComparison.Compare(
                ImmutableArray.Create(Finding("LL0001", 10, "Run", "A", "B"), Finding("LL0001", 12, "Run", "A", "B")),
                baseline);

            Assert.Equal(12, Assert.Single(comparison.New).Span!.StartLine);
            Assert.Equal("LL0002", Assert.Single(comparison.Gone).RuleId);
        }

        [Fact]
        public void WrittenAndReadBack_TheKeysSurvive()
        {
            string path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".json");
            try
            {
                var finding = Finding("LL0004", 3, "Write", "InvalidateLock", "SbWriters");
                BaselineFile.Write(path, new[] { finding });

                var entry = Assert.Single(BaselineFile.Read(path));
                Assert.Equal(finding.Key, entry.Key);
                Assert.Equal("LL0004|InvalidateLock,SbWriters|M:N.C.Write", entry.Key);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Fingerprints_IgnoreLines_AndNumberFindingsThatShareAKey()
        {
            var prints = Fingerprints.For(ImmutableArray.Create(Finding("LL0001", 10, "Run", "A", "B"), Finding("LL0001", 99, "Run", "A", "B"), Finding("LL0001", 10, "Other", "A", "B")));

            string hash = Fingerprints.Hash("LL0001|A,B|M:N.C.Run");
            Assert.Equal(new[] { hash + ":1", hash + ":2", Fingerprints.Hash("LL0001|A,B|M:N.C.Other") + ":1" }, prints);
        }

        [Fact]
        public void LockClasses_AreTheGraphsNodesAndQuotedNamesInTheMessage()
        {
            var classes = FindingFactory.LockClassesIn(
                "'SbWriters' is acquired while 'FolioLock' is held (PrepareRead); SbWriters is outer to FolioLock. Folio.Lock too",
                ImmutableArray.Create("FolioLock", "SbWriters", "MmapLock", "Folio.Lock", "Lock"));

            Assert.Equal(new[] { "Folio.Lock", "FolioLock", "SbWriters" }, classes);
        }
    }
}
