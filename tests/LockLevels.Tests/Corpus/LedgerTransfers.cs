using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Corpus.LedgerTransfers;

public sealed class InsufficientFundsException(string account, decimal balance, decimal requested)
    : Exception($"account {account}: balance {balance:C}, requested {requested:C}");

public sealed record Posting(long Sequence, string From, string To, decimal Amount, DateTimeOffset At);

/// <summary>
/// A double-entry ledger. Transfers take the journal lock first and then the balances lock; the
/// audit lock is innermost. No method takes them in any other order, and none calls out while
/// holding them.
/// </summary>
public sealed class Ledger
{
    private readonly object _journalGate = new();
    private readonly object _balancesGate = new();
    private readonly object _auditGate = new();
    private readonly List<Posting> _journal = new();
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly List<string> _audit = new();
    private long _sequence;

    public void Open(string account, decimal initial = 0m)
    {
        lock (_balancesGate)
        {
            if (!_balances.TryAdd(account, initial))
            {
                throw new InvalidOperationException($"account {account} exists");
            }

            lock (_auditGate)
            {
                _audit.Add($"open {account} {initial}");
            }
        }
    }

    public Posting Transfer(string from, string to, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (from == to)
        {
            throw new ArgumentException("same account", nameof(to));
        }

        lock (_journalGate)
        {
            Posting posting;
            lock (_balancesGate)
            {
                var fromBalance = _balances[from];
                if (fromBalance < amount)
                {
                    throw new InsufficientFundsException(from, fromBalance, amount);
                }

                _balances[from] = fromBalance - amount;
                _balances[to] += amount;
                posting = new Posting(Interlocked.Increment(ref _sequence), from, to, amount, DateTimeOffset.UtcNow);

                lock (_auditGate)
                {
                    _audit.Add($"transfer #{posting.Sequence} {from}->{to} {amount}");
                }
            }

            _journal.Add(posting);
            return posting;
        }
    }

    public decimal Balance(string account)
    {
        lock (_balancesGate)
        {
            return _balances.TryGetValue(account, out var balance) ? balance : 0m;
        }
    }

    /// <summary>Checks that the journal replays to the balances: both locks, in order.</summary>
    public bool Reconcile(IReadOnlyDictionary<string, decimal> openingBalances)
    {
        lock (_journalGate)
        {
            var replayed = new Dictionary<string, decimal>(openingBalances);
            foreach (var posting in _journal)
            {
                replayed[posting.From] = replayed.GetValueOrDefault(posting.From) - posting.Amount;
                replayed[posting.To] = replayed.GetValueOrDefault(posting.To) + posting.Amount;
            }

            lock (_balancesGate)
            {
                var consistent = _balances.All(pair => replayed.GetValueOrDefault(pair.Key) == pair.Value);
                lock (_auditGate)
                {
                    _audit.Add($"reconcile {(consistent ? "ok" : "MISMATCH")} after {_journal.Count} postings");
                }

                return consistent;
            }
        }
    }

    public IReadOnlyList<string> AuditTrail()
    {
        lock (_auditGate)
        {
            return _audit.ToArray();
        }
    }

    public IReadOnlyList<Posting> Statement(string account, DateTimeOffset since)
    {
        lock (_journalGate)
        {
            return _journal.Where(p => (p.From == account || p.To == account) && p.At >= since).ToList();
        }
    }
}
