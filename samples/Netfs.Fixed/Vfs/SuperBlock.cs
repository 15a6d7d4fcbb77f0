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
        private int _longTermClaims;

        public SuperBlock(Kernel kernel, string id)
        {
            Kernel = kernel;
            Id = id;
            _writers = new RwSemaphore(kernel, $"sb_writers({id})");
            kernel.Killed.Register(WakeClaimWaiters);
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

        /// <summary>The long-term write claims held (<see cref="ClaimWriteLongTerm"/>).</summary>
        public int LongTermClaims
        {
            get
            {
                lock (_state)
                {
                    return _longTermClaims;
                }
            }
        }

        /// <summary>
        /// freeze_super(): sets sb->s_writers.frozen = SB_FREEZE_WRITE, then sb_wait_write() waits, as the
        /// writer of sb_writers, for every writer of the filesystem to drain. Throws
        /// <see cref="FreezeBusyException"/> (-EBUSY) if the filesystem is already frozen, or at once, without
        /// blocking any writer, while a long-term write claim is held: waiting for a claim that lasts as long
        /// as the cache is bound would hang (the thread's SB_FREEZE_WRITE_LONGTERM idea).
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

                if (_longTermClaims > 0)
                {
                    throw new FreezeBusyException(Id, $"{_longTermClaims} long-term write claim(s) held (SB_FREEZE_WRITE_LONGTERM)");
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
        /// the write-back and read paths. A claim is a level of its own (SB_FREEZE_WRITE_LONGTERM): it
        /// waits while the filesystem is frozen, and while any claim is held <see cref="Freeze"/> fails
        /// with -EBUSY instead of waiting for it forever.
        /// </summary>
        public IDisposable ClaimWriteLongTerm()
        {
            lock (_state)
            {
                while (_frozen != FreezeState.Unfrozen)
                {
                    Kernel.Killed.ThrowIfCancellationRequested();
                    Monitor.Wait(_state);
                }

                _longTermClaims++;
            }

            return new WriteClaim(this);
        }

        private void SetFrozen(FreezeState state)
        {
            lock (_state)
            {
                _frozen = state;
                Monitor.PulseAll(_state);
            }
        }

        private void WakeClaimWaiters()
        {
            lock (_state)
            {
                Monitor.PulseAll(_state);
            }
        }

        private void DropWriteClaim()
        {
            lock (_state)
            {
                _longTermClaims--;
            }
        }

        private sealed class WriteClaim : IDisposable
        {
            private SuperBlock? _sb;

            public WriteClaim(SuperBlock sb) => _sb = sb;

            public void Dispose() => Interlocked.Exchange(ref _sb, null)?.DropWriteClaim();
        }
    }
}
