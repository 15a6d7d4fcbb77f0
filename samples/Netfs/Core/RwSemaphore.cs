using System.Threading;

namespace Netfs
{
    /// <summary>
    /// The kernel's rw_semaphore (and percpu_rw_semaphore), reduced to what the deadlocks need: readers
    /// share it, a writer excludes everyone, and once a writer waits, new readers wait behind it. That
    /// last rule is why a reader acquisition can be part of a deadlock: sb_start_write() waits behind
    /// freeze_super(), and a page fault's mmap_read_lock() waits behind a queued mmap_write_lock().
    /// <para>
    /// It is not annotated: LockLevels sees the levels through the annotated APIs built on it
    /// (<see cref="SuperBlock.StartWrite"/>, <see cref="MmStruct.MmapReadLock"/>, ...), as lockdep sees
    /// lock classes. Waits are killable (<see cref="Kernel.KillAll"/>).
    /// </para>
    /// </summary>
    internal sealed class RwSemaphore
    {
        private readonly object _gate = new object();
        private readonly Kernel _kernel;
        private int _readers;
        private bool _writer;
        private int _waitingWriters;

        public RwSemaphore(Kernel kernel, string name)
        {
            _kernel = kernel;
            Name = name;
            kernel.Killed.Register(WakeAll);
        }

        public string Name { get; }

        /// <summary>down_read().</summary>
        public void DownRead()
        {
            lock (_gate)
            {
                if (_writer || _waitingWriters > 0)
                {
                    _kernel.Trace.Hit(Tracepoint.ReaderWaits(Name));
                    do
                    {
                        Wait();
                    }
                    while (_writer || _waitingWriters > 0);
                }

                _readers++;
            }
        }

        /// <summary>up_read().</summary>
        public void UpRead()
        {
            lock (_gate)
            {
                if (--_readers == 0)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>down_write(): blocks new readers at once, then waits for the current ones to leave.</summary>
        public void DownWrite()
        {
            lock (_gate)
            {
                if (!_writer && _readers == 0 && _waitingWriters == 0)
                {
                    _writer = true;
                    return;
                }

                _waitingWriters++;
                try
                {
                    _kernel.Trace.Hit(Tracepoint.WriterWaits(Name));
                    do
                    {
                        Wait();
                    }
                    while (_writer || _readers > 0);

                    _writer = true;
                }
                finally
                {
                    _waitingWriters--;
                    Monitor.PulseAll(_gate);
                }
            }
        }

        /// <summary>up_write().</summary>
        public void UpWrite()
        {
            lock (_gate)
            {
                _writer = false;
                Monitor.PulseAll(_gate);
            }
        }

        private void Wait()
        {
            _kernel.Killed.ThrowIfCancellationRequested();
            Monitor.Wait(_gate);
            _kernel.Killed.ThrowIfCancellationRequested();
        }

        private void WakeAll()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
