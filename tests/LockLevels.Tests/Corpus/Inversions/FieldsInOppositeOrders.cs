// EXPECTED (planned rule LL0100, unannotated lock-order inversion): a cycle between two fields of
// one class.
//   OrderBook.Match  takes _bidsGate, then _asksGate   (edge _bidsGate -> _asksGate)
//   OrderBook.Cancel takes _asksGate, then _bidsGate   (edge _asksGate -> _bidsGate)
// Two threads, one matching and one cancelling, can each hold one lock and wait for the other.
// No LockLevels annotation is involved; no rule that exists today reports anything here.
using System;
using System.Collections.Generic;

namespace Corpus.Inversions.FieldsInOppositeOrders
{
    public sealed record Order(Guid Id, decimal Price, int Quantity);

    public sealed class OrderBook
    {
        private readonly object _bidsGate = new();
        private readonly object _asksGate = new();
        private readonly SortedList<decimal, List<Order>> _bids = new();
        private readonly SortedList<decimal, List<Order>> _asks = new();

        public void AddBid(Order order)
        {
            lock (_bidsGate)
            {
                Add(_bids, order);
            }
        }

        public void AddAsk(Order order)
        {
            lock (_asksGate)
            {
                Add(_asks, order);
            }
        }

        /// <summary>Crosses the book: bids first, then asks.</summary>
        public int Match()
        {
            var matched = 0;
            lock (_bidsGate)
            {
                lock (_asksGate)
                {
                    while (_bids.Count > 0 && _asks.Count > 0 && _bids.Keys[^1] >= _asks.Keys[0])
                    {
                        RemoveFirst(_bids, _bids.Count - 1);
                        RemoveFirst(_asks, 0);
                        matched++;
                    }
                }
            }

            return matched;
        }

        /// <summary>Cancels an order wherever it is: asks first, then bids. The inversion.</summary>
        public bool Cancel(Guid id)
        {
            lock (_asksGate)
            {
                if (RemoveById(_asks, id))
                {
                    return true;
                }

                lock (_bidsGate)
                {
                    return RemoveById(_bids, id);
                }
            }
        }

        private static void Add(SortedList<decimal, List<Order>> side, Order order)
        {
            if (!side.TryGetValue(order.Price, out var level))
            {
                side.Add(order.Price, level = new List<Order>());
            }

            level.Add(order);
        }

        private static void RemoveFirst(SortedList<decimal, List<Order>> side, int index)
        {
            var level = side.Values[index];
            level.RemoveAt(0);
            if (level.Count == 0)
            {
                side.RemoveAt(index);
            }
        }

        private static bool RemoveById(SortedList<decimal, List<Order>> side, Guid id)
        {
            foreach (var level in side.Values)
            {
                if (level.RemoveAll(order => order.Id == id) > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
