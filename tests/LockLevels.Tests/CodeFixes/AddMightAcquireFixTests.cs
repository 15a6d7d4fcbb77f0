using System.Threading.Tasks;
using Xunit;
using Verify = LockLevels.Tests.Verifiers.CSharpCodeFixVerifier<LockLevels.Analyzers.Rules.UndeclaredAcquisitionRule, LockLevels.CodeFixes.AddMightAcquireCodeFixProvider>;

namespace LockLevels.Tests.CodeFixes
{
    public class AddMightAcquireFixTests
    {
        [Fact]
        public Task PublicMethodTakingLevels_GetsMightAcquire() => Verify.VerifyCodeFixAsync(Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();
                private readonly SuperBlock _sb = new();

                /// <summary>Commits.</summary>
                public void {|#0:Commit|}()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                    using (_sb.StartWriteScope())
                    {
                    }
                }
            }
            """), Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();
                private readonly SuperBlock _sb = new();

                /// <summary>Commits.</summary>
                [MightAcquire("MmapLock")]
                [MightAcquire("SbWriters", Shared = true)]
                public void Commit()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                    using (_sb.StartWriteScope())
                    {
                    }
                }
            }
            """), Verify.Diagnostic("LL0007").WithLocation(0).WithArguments("Commit", "MmapLock, SbWriters"));

        [Fact]
        public Task ExistingAttributesAreKept() => Verify.VerifyCodeFixAsync(Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                [Obsolete("use CommitAsync")]
                public void {|#0:Commit|}()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }
            }
            """), Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                [Obsolete("use CommitAsync")]
                [MightAcquire("MmapLock")]
                public void Commit()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }
            }
            """), Verify.Diagnostic("LL0007").WithLocation(0).WithArguments("Commit", "MmapLock"));

        [Fact]
        public Task DeclaredOrPrivateMethods_AreNotReported() => Verify.VerifyNoFixAsync(Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                [MightAcquire("MmapLock")]
                public void Commit()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }

                private void Flush()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }

                internal void Sync()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }
            }

            sealed class Hidden
            {
                private readonly Mm _mm = new();

                public void Commit()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }
            }
            """));
    
        [Fact]
        public Task PropertyAccessor_GetsTheAttribute() => Verify.VerifyCodeFixAsync(Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                public int Length
                {
                    {|#0:get|}
                    {
                        _mm.MmapLock.Wait();
                        _mm.MmapLock.Release();
                        return 0;
                    }
                }
            }
            """), Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                public int Length
                {
                    [MightAcquire("MmapLock")]
                    get
                    {
                        _mm.MmapLock.Wait();
                        _mm.MmapLock.Release();
                        return 0;
                    }
                }
            }
            """), Verify.Diagnostic("LL0007").WithLocation(0).WithArguments("Length", "MmapLock"));

        [Fact]
        public Task ConstructorsAndExpressionBodiedProperties_AreNotReported() => Verify.VerifyNoFixAsync(Preamble.With("""
            public sealed class Journal
            {
                private readonly Mm _mm = new();

                public Journal()
                {
                    _mm.MmapLock.Wait();
                    _mm.MmapLock.Release();
                }

                public bool Busy => _mm.MmapLock.Wait(0);
            }
            """));
    }
}
