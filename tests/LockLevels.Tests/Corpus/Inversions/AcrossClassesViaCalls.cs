// EXPECTED (planned rule LL0100, unannotated lock-order inversion): a cycle across two classes,
// made of a lock and a call that takes the other class's lock.
//   Account.Withdraw holds Account._gate and calls Bank.RecordActivity, which takes Bank._gate
//     (edge Account._gate -> Bank._gate)
//   Bank.ApplyInterest holds Bank._gate and calls Account.Deposit, which takes Account._gate
//     (edge Bank._gate -> Account._gate)
// A withdrawal racing the monthly interest run can deadlock. No annotations are involved.
using System;
using System.Collections.Generic;

namespace Corpus.Inversions.AcrossClassesViaCalls
{
    public sealed class Account(Bank bank, string number)
    {
        private readonly object _gate = new();
        private decimal _balance;

        public string Number { get; } = number;

        public decimal Balance
        {
            get
            {
                lock (_gate)
                {
                    return _balance;
                }
            }
        }

        public void Deposit(decimal amount)
        {
            lock (_gate)
            {
                _balance += amount;
            }
        }

        public bool Withdraw(decimal amount)
        {
            lock (_gate)
            {
                if (_balance < amount)
                {
                    return false;
                }

                _balance -= amount;
                bank.RecordActivity(Number, -amount);
                return true;
            }
        }
    }

    public sealed class Bank
    {
        private readonly object _gate = new();
        private readonly List<Account> _accounts = new();
        private readonly List<(string Account, decimal Amount, DateTimeOffset At)> _activity = new();

        public Account Open(string number)
        {
            var account = new Account(this, number);
            lock (_gate)
            {
                _accounts.Add(account);
            }

            return account;
        }

        public void RecordActivity(string account, decimal amount)
        {
            lock (_gate)
            {
                _activity.Add((account, amount, DateTimeOffset.UtcNow));
            }
        }

        public void ApplyInterest(decimal rate)
        {
            lock (_gate)
            {
                foreach (var account in _accounts)
                {
                    var interest = Math.Round(account.Balance * rate, 2);
                    account.Deposit(interest);
                    _activity.Add((account.Number, interest, DateTimeOffset.UtcNow));
                }
            }
        }
    }
}
