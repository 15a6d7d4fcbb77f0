using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using LockLevels;

// A write-ahead journal: the transaction lock is taken before the buffer lock.
[assembly: LockHierarchy("Journal.Transaction", "Journal.Buffer")]

namespace Corpus.AnnotatedJournal;

public sealed record JournalRecord(long Transaction, int Sequence, string Payload);

/// <summary>
/// One transaction at a time (System.Threading.Lock, held from <see cref="Begin"/> until the
/// transaction is disposed); records go to a buffer with its own, inner lock.
/// </summary>
public sealed class Journal
{
    [Lock("Journal.Transaction")] private readonly Lock _transactionLock = new();
    [Lock("Journal.Buffer")] private readonly Lock _bufferLock = new();
    private readonly List<JournalRecord> _buffer = new();
    private readonly List<JournalRecord> _durable = new();
    private long _nextTransaction;

    public int Durable
    {
        [MightAcquire("Journal.Buffer")]
        get
        {
            lock (_bufferLock)
            {
                return _durable.Count;
            }
        }
    }

    [Acquires("Journal.Transaction")]
    public Transaction Begin()
    {
        _transactionLock.Enter();
        return new Transaction(this, ++_nextTransaction);
    }

    [Releases("Journal.Transaction")]
    private void End() => _transactionLock.Exit();

    private void Stage(JournalRecord record)
    {
        using (_bufferLock.EnterScope())
        {
            _buffer.Add(record);
        }
    }

    private void Commit(long transaction)
    {
        lock (_bufferLock)
        {
            foreach (var record in _buffer)
            {
                if (record.Transaction == transaction)
                {
                    _durable.Add(record);
                }
            }

            _buffer.RemoveAll(record => record.Transaction == transaction);
        }
    }

    [MightAcquire("Journal.Transaction", "Journal.Buffer")]
    public long Write(params string[] payloads)
    {
        using var transaction = Begin();
        foreach (var payload in payloads)
        {
            transaction.Append(payload);
        }

        return transaction.Id;
    }

    /// <summary>Drops staged records of abandoned transactions.</summary>
    [MightAcquire("Journal.Buffer")]
    public int DiscardStaged()
    {
        using var scope = _bufferLock.EnterScope();
        var discarded = _buffer.Count;
        _buffer.Clear();
        return discarded;
    }

    /// <summary>Best effort: gives up rather than waiting behind a writer.</summary>
    [MightAcquire("Journal.Buffer")]
    public string? TryDump()
    {
        if (!_bufferLock.TryEnter())
        {
            return null;
        }

        try
        {
            var builder = new StringBuilder();
            foreach (var record in _durable)
            {
                builder.Append(record.Transaction).Append('.').Append(record.Sequence).Append(": ").AppendLine(record.Payload);
            }

            return builder.ToString();
        }
        finally
        {
            _bufferLock.Exit();
        }
    }

    public sealed class Transaction : IDisposable
    {
        private readonly Journal _journal;
        private int _sequence;
        private bool _done;

        internal Transaction(Journal journal, long id)
        {
            _journal = journal;
            Id = id;
        }

        public long Id { get; }

        [CalledWithLocksHeld("Journal.Transaction")]
        [MightAcquire("Journal.Buffer")]
        public void Append(string payload) => _journal.Stage(new JournalRecord(Id, ++_sequence, payload));

        [Releases("Journal.Transaction")]
        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                _journal.Commit(Id);
            }

            _journal.End();
        }
    }
}
