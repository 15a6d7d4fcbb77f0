using System;
using System.Collections.Generic;
using System.Threading;
using LockLevels;

// The store's schema lock (shared for ordinary use, exclusive for migrations), then a table's lock.
[assembly: LockHierarchy("Meta.Schema", "Meta.Table")]

namespace Corpus.AnnotatedMetadataStore
{
    public sealed class Table(string name)
    {
        [Lock("Meta.Table")] internal readonly object Gate = new();
        internal readonly Dictionary<string, string> Rows = new(StringComparer.Ordinal);

        public string Name { get; } = name;
    }

    /// <summary>
    /// A metadata store. Every operation holds the schema lock shared; a migration holds it
    /// exclusively. Long-lived sessions take one long-term claim at set-up instead of a shared
    /// acquisition per call (the claim keeps migrations out until it is dropped at tear-down).
    /// </summary>
    public sealed class MetadataStore : IDisposable
    {
        [Lock("Meta.Schema")] private readonly ReaderWriterLockSlim _schema = new(LockRecursionPolicy.SupportsRecursion);
        private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);
        private int _claims;
        private int _schemaVersion;

        public int SchemaVersion => Volatile.Read(ref _schemaVersion);

        public int Claims => Volatile.Read(ref _claims);

        [Acquires("Meta.Schema", Shared = true, LongTermClaim = nameof(ClaimLongTerm))]
        public IDisposable UseSchema()
        {
            _schema.EnterReadLock();
            return new SchemaScope(this);
        }

        /// <summary>A long-term claim: counted, and checked by migrations, instead of holding the lock.</summary>
        public IDisposable ClaimLongTerm()
        {
            Interlocked.Increment(ref _claims);
            return new Claim(this);
        }

        [MightAcquire("Meta.Schema", Shared = true)]
        [MightAcquire("Meta.Table")]
        public string? Get(string table, string key)
        {
            using (UseSchema())
            {
                if (!_tables.TryGetValue(table, out var t))
                {
                    return null;
                }

                lock (t.Gate)
                {
                    return t.Rows.TryGetValue(key, out var value) ? value : null;
                }
            }
        }

        [MightAcquire("Meta.Schema", Shared = true)]
        [MightAcquire("Meta.Table")]
        public bool Put(string table, string key, string value)
        {
            using var schema = UseSchema();
            if (!_tables.TryGetValue(table, out var t))
            {
                return false;
            }

            lock (t.Gate)
            {
                t.Rows[key] = value;
                return true;
            }
        }

        /// <summary>Adds a table: the schema exclusively; refused while long-term claims are out.</summary>
        [MightAcquire("Meta.Schema")]
        public bool Migrate(string newTable)
        {
            if (!_schema.TryEnterWriteLock(TimeSpan.FromSeconds(2)))
            {
                return false;
            }

            try
            {
                if (Volatile.Read(ref _claims) > 0 || _tables.ContainsKey(newTable))
                {
                    return false;
                }

                _tables.Add(newTable, new Table(newTable));
                Interlocked.Increment(ref _schemaVersion);
                return true;
            }
            finally
            {
                _schema.ExitWriteLock();
            }
        }

        public void Dispose() => _schema.Dispose();

        private sealed class SchemaScope(MetadataStore store) : IDisposable
        {
            [Releases("Meta.Schema")]
            public void Dispose() => store._schema.ExitReadLock();
        }

        private sealed class Claim(MetadataStore store) : IDisposable
        {
            private int _dropped;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _dropped, 1) == 0)
                {
                    Interlocked.Decrement(ref store._claims);
                }
            }
        }
    }

    /// <summary>A long-lived session: claims the schema at set-up, drops the claim at tear-down.</summary>
    public sealed class Session(MetadataStore store) : IDisposable
    {
        private IDisposable? _claim;

        [LockSetup]
        public void Open() => _claim ??= store.ClaimLongTerm();

        [LockTeardown]
        public void Close() => Interlocked.Exchange(ref _claim, null)?.Dispose();

        [MightAcquire("Meta.Schema", Shared = true)]
        [MightAcquire("Meta.Table")]
        public int Import(string table, IEnumerable<KeyValuePair<string, string>> rows)
        {
            var imported = 0;
            foreach (var (key, value) in rows)
            {
                imported += store.Put(table, key, value) ? 1 : 0;
            }

            return imported;
        }

        public void Dispose() => Close();
    }
}
