using System;
using System.Threading;
using LockLevels;

namespace Netfs
{
    /// <summary>sb->s_writers.frozen.</summary>
    internal enum FreezeState
    {
        /// <summary>SB_UNFROZEN.</summary>
        Unfrozen,

        /// <summary>SB_FREEZE_WRITE: freeze_super() has started; new writers wait, current ones are drained.</summary>
        FreezeWrite,

        /// <summary>SB_FREEZE_COMPLETE.</summary>
        Complete,
    }

    /// <summary>
    /// struct super_block, reduced to its write/freeze protection: sb->s_writers, one reader/writer gate
    /// (the SB_FREEZE_WRITE level of the kernel's per-level percpu rw-semaphores). Writers to the
    /// filesystem are its readers; freeze_super() is its writer.
    /// </summary>
    internal sealed class SuperBlock
    {
        private readonly object _state = new object();
        private readonly RwSemaphore _writers;
        private FreezeState _frozen;

        public SuperBlock(Kernel kernel, string id)
        {
            Kernel = kernel;
            Id = id;
            _writers = new RwSemaphore(kernel, $"sb_writers({id})");
        }

        public Kernel Kernel { get; }

        /// <summary>sb->s_id, the filesystem's name in messages.</summary>
        public string Id { get; }

        /// <summary>The name of the gate in tracepoints: "sb_writers({Id})".</summary>
        public string WritersName => _writers.Name;

        public FreezeState Frozen
        {
            get
            {
                lock (_state)
                {
                    return _frozen;
                }
            }
        }

        /// <summary>
        /// sb_start_write(): a shared acquisition of sb_writers. It waits while a freeze is pending or
        /// complete: freeze_super() waits as a writer, and new readers queue behind it.
        /// </summary>
        [Acquires("SbWriters", Shared = true, LongTermClaim = nameof(ClaimWriteLongTerm))]
        public void StartWrite() => _writers.DownRead();

        /// <summary>sb_end_write().</summary>
        [Releases("SbWriters")]
        public void EndWrite() => _writers.UpRead();

        /// <summary>
        /// freeze_super(): sets sb->s_writers.frozen = SB_FREEZE_WRITE, then sb_wait_write() waits, as the
        /// writer of sb_writers, for every writer of the filesystem to drain. Throws
        /// <see cref="FreezeBusyException"/> (-EBUSY) if the filesystem is already frozen.
        /// </summary>
        [Acquires("SbWriters")]
        public void Freeze()
        {
            lock (_state)
            {
                if (_frozen != FreezeState.Unfrozen)
                {
                    throw new FreezeBusyException(Id, "it is already frozen");
                }

                _frozen = FreezeState.FreezeWrite;
            }

            try
            {
                _writers.DownWrite(); // sb_wait_write(sb, SB_FREEZE_WRITE)
            }
            catch
            {
                SetFrozen(FreezeState.Unfrozen);
                throw;
            }

            SetFrozen(FreezeState.Complete);
        }

        /// <summary>thaw_super().</summary>
        [Releases("SbWriters")]
        public void Thaw()
        {
            SetFrozen(FreezeState.Unfrozen);
            _writers.UpWrite();
        }

        /// <summary>
        /// mnt_want_write() on a private mount, kept until the claim is disposed (mnt_drop_write()): the
        /// thread's fix takes write access once, when the cache is bound, instead of sb_start_write() in
        /// the write-back and read paths. Here it is what mnt_want_write() is in the kernel, a shared
        /// acquisition of sb_writers that lasts as long as the claim: freeze_super() waits for it to be
        /// dropped, "you might hang forever" (Christian Brauner in the thread).
        /// </summary>
        public IDisposable ClaimWriteLongTerm()
        {
            _writers.DownRead();
            return new WriteClaim(this);
        }

        private void SetFrozen(FreezeState state)
        {
            lock (_state)
            {
                _frozen = state;
            }
        }

        private void DropWriteClaim() => _writers.UpRead();

        private sealed class WriteClaim : IDisposable
        {
            private SuperBlock? _sb;

            public WriteClaim(SuperBlock sb) => _sb = sb;

            public void Dispose() => Interlocked.Exchange(ref _sb, null)?.DropWriteClaim();
        }
    }
}
