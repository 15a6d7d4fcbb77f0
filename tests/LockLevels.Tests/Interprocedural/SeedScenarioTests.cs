using System.Threading.Tasks;
using LockLevels.Tests.Support;
using Xunit;
using CallChains = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CallChainRule>;
using Cycles = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CircularDependencyRule>;

namespace LockLevels.Tests.Interprocedural
{
    /// <summary>The reference thread's two deadlocks, found statically.</summary>
    public class SeedScenarioTests
    {
        private const string PageFaultSource = SeedScenarios.Vfs + SeedScenarios.Cachefiles + SeedScenarios.PageFault;
        private const string InvalidateSource = SeedScenarios.Vfs + SeedScenarios.Cachefiles + SeedScenarios.Invalidate;

        private const string ReadFolioEdge = "MmapLock → SbWriters (ReadFolio: Cachefiles.PrepareRead → Cachefiles.SetXattr → SuperBlock.StartWrite (SbWriters)) → MmapLock (Write: Vfs.PerformWrite → Iov.FaultInReadable (MmapLock))";

        [Fact]
        public Task PageFaultFreezeWrite_IsOneCycle() => Cycles.VerifyAnalyzerAsync(PageFaultSource,
            Cycles.Diagnostic("LL0004")
                .At(PageFaultSource, "_cache.PrepareRead()")
                .At(PageFaultSource, "_cache.PrepareRead()")
                .At(PageFaultSource, "PerformWrite()")
                .WithArguments(ReadFolioEdge));

        [Fact]
        public Task InvalidateFaultFreezeWrite_IsOneCycleBesideTheReadFolioOne() => Cycles.VerifyAnalyzerAsync(InvalidateSource,
            Cycles.Diagnostic("LL0004")
                .At(InvalidateSource, "_cache.IssueWrite()")
                .At(InvalidateSource, "_cache.IssueWrite()")
                .At(InvalidateSource, "PerformWrite()")
                .At(InvalidateSource, "mapping.InvalidateLock.EnterReadLock()")
                .WithArguments("InvalidateLock → SbWriters (WritePages: Cachefiles.IssueWrite → Cachefiles.SetXattr → SuperBlock.StartWrite (SbWriters))"
                    + " → MmapLock (Write: Vfs.PerformWrite → Iov.FaultInReadable (MmapLock))"
                    + " → InvalidateLock (Fault: AddressSpace.InvalidateLock.EnterReadLock)"),
            Cycles.Diagnostic("LL0004")
                .At(InvalidateSource, "_cache.PrepareRead()")
                .At(InvalidateSource, "_cache.PrepareRead()")
                .At(InvalidateSource, "PerformWrite()")
                .WithArguments(ReadFolioEdge));

        [Fact]
        public Task DeepPathsReachingSbWriters_AreReportedAtTheCallsInTheDeepContexts() => CallChains.VerifyAnalyzerAsync(PageFaultSource,
            CallChains.Diagnostic("LL0003")
                .At(PageFaultSource, "_cache.IssueWrite()")
                .At(PageFaultSource, "SetXattr()")
                .At(PageFaultSource, "_backing.StartWrite()")
                .WithArguments("Cachefiles.IssueWrite", "SbWriters", "InvalidateLock", "Cachefiles.IssueWrite → Cachefiles.SetXattr → SuperBlock.StartWrite (SbWriters)"),
            CallChains.Diagnostic("LL0003")
                .At(PageFaultSource, "_cache.PrepareRead()")
                .At(PageFaultSource, "SetXattr()", 1)
                .At(PageFaultSource, "_backing.StartWrite()")
                .WithArguments("Cachefiles.PrepareRead", "SbWriters", "MmapLock", "Cachefiles.PrepareRead → Cachefiles.SetXattr → SuperBlock.StartWrite (SbWriters)"));

        [Fact]
        public async Task Diagnostics_AreTheSameOverRepeatedConcurrentRuns()
        {
            string? first = null;
            for (int run = 0; run < 5; run++)
            {
                var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(InvalidateSource));
                var text = AnalyzerRunner.Describe(diagnostics);
                Assert.Contains("LL0004", text);
                first ??= text;
                Assert.Equal(first, text);
            }
        }
    }
}
