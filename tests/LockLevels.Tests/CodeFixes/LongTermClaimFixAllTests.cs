using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Analyzers;
using LockLevels.Analyzers.Flow;
using LockLevels.Tests.Support;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using ChainFix = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.CallChainRule, LockLevels.CodeFixes.LongTermClaimCodeFixProvider>;
using DeepFix = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.DeepContextRule, LockLevels.CodeFixes.LongTermClaimCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    public class LongTermClaimFixAllTests
    {
        private const string Netfs = """
            sealed class Afs : IAddressSpaceOperations
            {
                private readonly Cachefiles _cache = new();

                public void WritePages(AddressSpace mapping) => {|#0:_cache.IssueWrite()|};
            }

            """;

        /// <summary>
        /// LL0003 is a compilation-end diagnostic: the IDE's light bulb does not offer fixes for those,
        /// so the testing library's local-diagnostic check is skipped; Fix All and command-line
        /// tools that apply fixes (dotnet format) do apply it.
        /// </summary>
        [Fact]
        public Task CallChain_IsFixedWhereTheChainAcquires() => ChainFix.VerifyCompilationEndCodeFixAsync(ClaimPreamble.With(Netfs + """
            sealed class Cachefiles
            {
                private readonly SuperBlock _backing = new();

                public void IssueWrite() => {|#1:SetXattr()|};

                void SetXattr()
                {
                    {|#2:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """), ClaimPreamble.With(Netfs.Replace("{|#0:", "").Replace("|}", "") + """
            sealed class Cachefiles : IDisposable
            {
                private readonly SuperBlock _backing = new();
                private IDisposable? _sbWritersClaim;

                public void IssueWrite() => SetXattr();

                void SetXattr()
                {
                }

                public Cachefiles()
                {
                    _sbWritersClaim = _backing.ClaimWriteLongTerm();
                }

                public void Dispose()
                {
                    _sbWritersClaim?.Dispose();
                }
            }
            """), ChainFix.Diagnostic("LL0003").WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Cachefiles.IssueWrite", "SbWriters", "InvalidateLock", "Cachefiles.IssueWrite → Cachefiles.SetXattr → SuperBlock.StartWrite (SbWriters)"));

        [Fact]
        public async Task FixAll_InSolution_FixesEveryTypeInEveryDocumentOnce()
        {
            const string first = """
                sealed class PageCache : IAddressSpaceOperations
                {
                    private readonly SuperBlock _backing = new();

                    public void WritePages(AddressSpace mapping)
                    {
                        {|LL0002:_backing.StartWrite()|};
                        _backing.EndWrite();
                    }
                }
                """;
            const string second = """
                sealed class BlobCache : IAddressSpaceOperations
                {
                    private readonly SuperBlock _backing = new();

                    public void WritePages(AddressSpace mapping)
                    {
                        using ({|LL0002:_backing.StartWriteScope()|})
                        {
                        }
                    }
                }

                sealed class XattrCache : IAddressSpaceOperations
                {
                    private readonly SuperBlock _journal = new();
                    private readonly SuperBlock _data = new();

                    public void WritePages(AddressSpace mapping)
                    {
                        {|LL0002:_journal.StartWrite()|};
                        _journal.EndWrite();
                        {|LL0002:_data.StartWrite()|};
                        _data.EndWrite();
                    }
                }
                """;
            const string firstFixed = """
                sealed class PageCache : IAddressSpaceOperations, IDisposable
                {
                    private readonly SuperBlock _backing = new();
                    private IDisposable? _sbWritersClaim;

                    public void WritePages(AddressSpace mapping)
                    {
                    }

                    public PageCache()
                    {
                        _sbWritersClaim = _backing.ClaimWriteLongTerm();
                    }

                    public void Dispose()
                    {
                        _sbWritersClaim?.Dispose();
                    }
                }
                """;
            const string secondFixed = """
                sealed class BlobCache : IAddressSpaceOperations, IDisposable
                {
                    private readonly SuperBlock _backing = new();
                    private IDisposable? _sbWritersClaim;

                    public void WritePages(AddressSpace mapping)
                    {
                    }

                    public BlobCache()
                    {
                        _sbWritersClaim = _backing.ClaimWriteLongTerm();
                    }

                    public void Dispose()
                    {
                        _sbWritersClaim?.Dispose();
                    }
                }

                sealed class XattrCache : IAddressSpaceOperations, IDisposable
                {
                    private readonly SuperBlock _journal = new();
                    private readonly SuperBlock _data = new();
                    private IDisposable? _sbWritersClaim;
                    private IDisposable? _sbWritersClaim2;

                    public void WritePages(AddressSpace mapping)
                    {
                    }

                    public XattrCache()
                    {
                        _sbWritersClaim = _journal.ClaimWriteLongTerm();
                        _sbWritersClaim2 = _data.ClaimWriteLongTerm();
                    }

                    public void Dispose()
                    {
                        _sbWritersClaim?.Dispose();
                        _sbWritersClaim2?.Dispose();
                    }
                }
                """;

            var test = new DeepFix.Test();
            test.TestState.Sources.Add(ClaimPreamble.With(first));
            test.TestState.Sources.Add(Preamble.Imports + second);
            test.FixedState.Sources.Add(ClaimPreamble.With(firstFixed));
            test.FixedState.Sources.Add(Preamble.Imports + secondFixed);
            test.BatchFixedState.Sources.Add(ClaimPreamble.With(firstFixed));
            test.BatchFixedState.Sources.Add(Preamble.Imports + secondFixed);
            test.NumberOfFixAllIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 1;
            test.NumberOfIncrementalIterations = 4;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task UnreachableReceiver_CarriesTheReasonInTheDiagnosticProperties()
        {
            var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(ClaimPreamble.With("""
                sealed class Cache
                {
                    [CalledWithLocksHeld("InvalidateLock")]
                    public void WritePages(SuperBlock backing)
                    {
                        backing.StartWrite();
                        backing.EndWrite();
                    }
                }
                """)));
            var deep = Assert.Single(diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.OuterLevelInDeepContext);
            Assert.Equal("ClaimWriteLongTerm", deep.Properties[ClaimProperties.LongTermClaim]);
            Assert.Equal(
                "the claim would be taken on 'backing', which is not a field or property of the type that owns this code, so it cannot be reached where that type is set up",
                deep.Properties[ClaimProperties.Unavailable]);
        }
    }
}
