using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.LockOrderInversionRule, LockLevels.CodeFixes.SwapAcquisitionsCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    public class SwapAcquisitionsFixTests
    {
        [Fact]
        public Task NestedLockStatements_AreSwapped() => Verify.VerifyCodeFixAsync(Preamble.With("""
            class C
            {
                [Lock("MmapLock")] private readonly object _mmap = new();

                void M(AddressSpace mapping)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        lock ({|#0:_mmap|})
                        {
                            Work(); // under both
                        }
                    }
                }

                static void Work() { }
            }
            """), Preamble.With("""
            class C
            {
                [Lock("MmapLock")] private readonly object _mmap = new();

                void M(AddressSpace mapping)
                {
                    lock (_mmap)
                    {
                        lock (mapping.FolioLock)
                        {
                            Work(); // under both
                        }
                    }
                }

                static void Work() { }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("MmapLock", "FolioLock", Preamble.Line(7)));

        [Fact]
        public Task UsingScopeInsideLock_IsSwapped() => Verify.VerifyCodeFixAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    lock ({|#1:mapping.FolioLock|})
                        using ({|#0:sb.StartWriteScope()|})
                        {
                            Work();
                        }
                }

                static void Work() { }
            }
            """), Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    using (sb.StartWriteScope())
                        lock (mapping.FolioLock)
                        {
                            Work();
                        }
                }

                static void Work() { }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("SbWriters", "FolioLock", Preamble.Line(5)));

        [Fact]
        public Task StatementBetweenTheOpenings_IsNotSwapped() => Verify.VerifyNoFixAsync(Preamble.With("""
            class C
            {
                [Lock("MmapLock")] private readonly object _mmap = new();

                void M(AddressSpace mapping)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        Work();
                        lock ({|#0:_mmap|})
                        {
                        }
                    }
                }

                static void Work() { }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("MmapLock", "FolioLock", Preamble.Line(7)));

        [Fact]
        public Task ExplicitCalls_AreNotSwapped() => Verify.VerifyNoFixAsync(Preamble.With("""
            class C
            {
                void M(AddressSpace mapping, SuperBlock sb)
                {
                    lock ({|#1:mapping.FolioLock|})
                    {
                        {|#0:sb.StartWrite()|};
                        sb.EndWrite();
                    }
                }
            }
            """), Verify.Diagnostic("LL0001").WithLocation(0).WithLocation(1).WithArguments("SbWriters", "FolioLock", Preamble.Line(5)));
    }
}
