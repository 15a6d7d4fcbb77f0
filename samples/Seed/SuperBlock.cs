using System;
using System.Threading;
using LockLevels;

namespace Seed
{
    /// <summary>
    /// struct super_block, reduced to its write/freeze protection (sb->s_writers).
    /// </summary>
    public sealed class SuperBlock
    {
        private int _writers;
        private int _longTermClaims;

        public SuperBlock(string fsName) => FsName = fsName;

        public string FsName { get; }

        /// <summary>
        /// sb_start_write(): a reader of the SbWriters level. A reader still orders like the lock:
        /// it blocks behind freeze_super(), which waits as a writer for all readers to drain.
        /// </summary>
        [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))]
        public void StartWrite() => Interlocked.Increment(ref _writers);

        /// <summary>sb_end_write().</summary>
        [Releases("SbWriters")]
        public void EndWrite() => Interlocked.Decrement(ref _writers);

        /// <summary>
        /// mnt_want_write() on a private mount, held for as long as the cache is bound: the fix
        /// sketched in the thread (cachefiles_add_cache() claims write access once,
        /// cachefiles_daemon_unbind() drops it) instead of sb_start_write() in the write-back path.
        /// </summary>
        public IDisposable ClaimWriteLongTerm()
        {
            Interlocked.Increment(ref _longTermClaims);
            return new Claim(this);
        }

        private sealed class Claim : IDisposable
        {
            private SuperBlock? _sb;

            public Claim(SuperBlock sb) => _sb = sb;

            public void Dispose()
            {
                if (_sb != null)
                {
                    Interlocked.Decrement(ref _sb._longTermClaims);
                    _sb = null;
                }
            }
        }
    }
}
