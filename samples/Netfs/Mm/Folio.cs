using System;
using LockLevels;

namespace Netfs
{
    /// <summary>struct folio: one page of a file in the page cache.</summary>
    internal sealed class Folio
    {
        public Folio(long index) => Index = index;

        public long Index { get; }

        /// <summary>
        /// folio_lock() / PG_locked. The page cache holds it while it reads a folio in (-&gt;read_folio) and
        /// while it writes one back (with PG_writeback set, <see cref="Writeback"/>). Taken with <c>lock</c>.
        /// </summary>
        [Lock("FolioLock")]
        public readonly object Lock = new object();

        public byte[] Data { get; set; } = Array.Empty<byte>();

        /// <summary>PG_uptodate.</summary>
        public bool Uptodate { get; set; }

        /// <summary>PG_dirty.</summary>
        public bool Dirty { get; set; }

        /// <summary>PG_writeback.</summary>
        public bool Writeback { get; set; }
    }
}
