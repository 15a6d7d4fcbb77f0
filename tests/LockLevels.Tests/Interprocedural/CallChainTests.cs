using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.RuleVerifier<LockLevels.Analyzers.Rules.CallChainRule>;

namespace LockLevels.Tests.Interprocedural
{
    public class CallChainTests
    {
        private static DiagnosticResult Chain(string callee, string acquired, string held, string chain, int hops)
        {
            var result = Verify.Diagnostic("LL0003").WithLocation(0);
            for (int hop = 1; hop <= hops; hop++)
            {
                result = result.WithLocation(hop);
            }

            return result.WithArguments(callee, acquired, held, chain);
        }

        private const string ThreeCalls = """
            class Netfs
            {
                private readonly SuperBlock _backing = new();

                void Writeback(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:IssueWrite()|};
                    }
                }

                void IssueWrite() => {|#1:Prepare()|};

                void Prepare() => {|#2:SetXattr()|};

                void SetXattr()
                {
                    {|#3:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """;

        [Fact]
        public Task ChainOfThreeCalls_IsReportedWithEveryHop() => Verify.VerifyAnalyzerAsync(Preamble.With(ThreeCalls), Chain("Netfs.IssueWrite", "SbWriters", "FolioLock", "Netfs.IssueWrite → Netfs.Prepare → Netfs.SetXattr → SuperBlock.StartWrite (SbWriters)", 3));

        [Fact]
        public async Task ChainToADeclaredLevel_IsNotCutByTheBoundForInferredClasses()
        {
            var test = new Verify.Test
            {
                TestCode = Preamble.With(ThreeCalls),
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Microsoft.CodeAnalysis.Text.SourceText.From("is_global = true\nlocklevels.max_chain_length = 1\n")));
            test.ExpectedDiagnostics.Add(Chain("Netfs.IssueWrite", "SbWriters", "FolioLock", "Netfs.IssueWrite → Netfs.Prepare → Netfs.SetXattr → SuperBlock.StartWrite (SbWriters)", 3));
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        [Fact]
        public Task InterfaceCall_ReportsOnlyTheImplementationThatAcquires() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            interface ICache { void Store(); }

            class MemoryCache : ICache { public void Store() { } }

            class DiskCache : ICache
            {
                private readonly SuperBlock _backing = new();

                public void Store()
                {
                    {|#1:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }

            class Netfs
            {
                void Writeback(AddressSpace mapping, ICache cache)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:cache.Store()|};
                    }
                }

                static ICache[] Caches() => new ICache[] { new MemoryCache(), new DiskCache() };
            }
            """), Chain("DiskCache.Store", "SbWriters", "FolioLock", "DiskCache.Store → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task VirtualCall_ReachesTheOverride() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class CacheBase { public virtual void Store() { } }

            class DiskCache : CacheBase
            {
                private readonly SuperBlock _backing = new();

                public override void Store()
                {
                    {|#1:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }

            class Netfs
            {
                void Writeback(AddressSpace mapping, CacheBase cache)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    {|#0:cache.Store()|};
                    mapping.InvalidateLock.ExitWriteLock();
                }

                static CacheBase Disk() => new DiskCache();
            }
            """), Chain("DiskCache.Store", "SbWriters", "InvalidateLock", "DiskCache.Store → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task MutualRecursion_Terminates() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Tree
            {
                private readonly SuperBlock _backing = new();

                void Walk(AddressSpace mapping, int depth)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:Visit(depth)|};
                    }
                }

                void Visit(int depth)
                {
                    if (depth == 0)
                    {
                        {|#1:_backing.StartWrite()|};
                        _backing.EndWrite();
                        return;
                    }

                    Descend(depth);
                }

                void Descend(int depth) => Visit(depth - 1);
            }
            """), Chain("Tree.Visit", "SbWriters", "FolioLock", "Tree.Visit → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task LocalFunctionCall_IsFollowed() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                void Writeback(AddressSpace mapping, SuperBlock backing)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:SetXattr()|};
                    }

                    void SetXattr()
                    {
                        {|#1:backing.StartWrite()|};
                        backing.EndWrite();
                    }
                }
            }
            """), Chain("SetXattr", "SbWriters", "FolioLock", "SetXattr → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task LambdaInvokedInPlace_IsFollowed() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                void Writeback(AddressSpace mapping, SuperBlock backing)
                {
                    Action setXattr = () => { {|#1:backing.StartWrite()|}; backing.EndWrite(); };
                    lock (mapping.FolioLock)
                    {
                        {|#0:setXattr()|};
                    }
                }
            }
            """), Chain("the lambda in Writeback", "SbWriters", "FolioLock", "the lambda in Writeback → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task GenericMethod_IsFollowedThroughItsDefinition() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                private readonly SuperBlock _backing = new();

                void Writeback(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:Store<int>(42)|};
                    }
                }

                void Store<T>(T value)
                {
                    {|#1:_backing.StartWrite()|};
                    _backing.EndWrite();
                }
            }
            """), Chain("Netfs.Store", "SbWriters", "FolioLock", "Netfs.Store → SuperBlock.StartWrite (SbWriters)", 1));

        [Fact]
        public Task PageFaultThroughMightAcquire_IsAnAcquisition() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                void Writeback(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        {|#0:CopyFromUser()|};
                    }
                }

                void CopyFromUser() => {|#1:Iov.FaultInReadable()|};
            }
            """), Chain("Netfs.CopyFromUser", "MmapLock", "FolioLock", "Netfs.CopyFromUser → Iov.FaultInReadable (MmapLock)", 1));

        [Fact]
        public Task CallsInTheDeclaredOrder_AreNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                private readonly SuperBlock _backing = new();

                void Write(AddressSpace mapping)
                {
                    _backing.StartWrite();
                    LockFolio(mapping);
                    _backing.EndWrite();
                }

                void LockFolio(AddressSpace mapping)
                {
                    lock (mapping.FolioLock) { }
                }
            }
            """));

        [Fact]
        public Task InnerLevelReleasedBeforeTheCall_IsNotReported() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                private readonly SuperBlock _backing = new();

                void Writeback(AddressSpace mapping)
                {
                    mapping.InvalidateLock.EnterWriteLock();
                    mapping.InvalidateLock.ExitWriteLock();
                    SetXattr();
                }

                void SetXattr()
                {
                    _backing.StartWrite();
                    _backing.EndWrite();
                }
            }
            """));

        [Fact]
        public Task CalleeInAnotherAssemblyWithoutAttributes_IsNotReported()
        {
            var test = new Verify.Test
            {
                TestCode = Preamble.With("""
                    class Netfs
                    {
                        void Writeback(AddressSpace mapping, Library.Store store)
                        {
                            lock (mapping.FolioLock)
                            {
                                store.Put();
                            }
                        }
                    }
                    """),
            };
            test.TestState.AdditionalProjects["Library"].Sources.Add("""
                namespace Library
                {
                    public class Store
                    {
                        private readonly object _sync = new();
                        public void Put() { lock (_sync) { } }
                    }
                }
                """);
            test.TestState.AdditionalProjects["Library"].AdditionalReferences.AddRange(Verifiers.TestReferences.Framework);
            test.TestState.AdditionalProjectReferences.Add("Library");
            return test.RunAsync();
        }

        [Fact]
        public Task AnnotatedCallee_IsLeftToTheIntraproceduralRules() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs
            {
                void Writeback(AddressSpace mapping)
                {
                    lock (mapping.FolioLock)
                    {
                        Copy();
                    }
                }

                [MightAcquire("MmapLock")] void Copy() { }
            }
            """));
    
        [Fact]
        public Task ReassignedDelegateLocal_IsNotFollowed() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Netfs : IAddressSpaceOperations
            {
                private readonly SuperBlock _backing = new();

                public void WritePages(AddressSpace mapping)
                {
                    Action next = SetXattr;
                    next = Harmless;
                    next();
                }

                public void ReadFolio(AddressSpace mapping) { }

                void SetXattr()
                {
                    _backing.StartWrite();
                    _backing.EndWrite();
                }

                void Harmless() { }
            }
            """));

        [Fact]
        public Task PropertyAccessorInTheChain_IsNamedWithItsType() => Verify.VerifyAnalyzerAsync(Preamble.With("""
            class Inode
            {
                private readonly SuperBlock _sb = new();

                public long Size
                {
                    get
                    {
                        {|#1:_sb.StartWrite()|};
                        _sb.EndWrite();
                        return 0;
                    }
                }
            }

            class Netfs
            {
                long Writeback(AddressSpace mapping, Inode inode)
                {
                    lock (mapping.FolioLock)
                    {
                        return {|#0:inode.Size|};
                    }
                }
            }
            """), Chain("Inode.Size", "SbWriters", "FolioLock", "Inode.Size → SuperBlock.StartWrite (SbWriters)", 1));
    }
}
