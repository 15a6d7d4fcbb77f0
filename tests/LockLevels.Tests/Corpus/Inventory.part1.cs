using System;
using System.Collections.Generic;
using System.Threading;

namespace Corpus.Inventory
{
    public sealed record StockItem(string Sku, string Description, int OnHand);

    public sealed record Reservation(Guid Id, string Sku, int Quantity, DateTimeOffset Expires);

    /// <summary>
    /// Stock and reservations. This part holds the state and the catalogue; reservations are in
    /// the second part. Lock order everywhere: <see cref="_catalogGate"/>, then
    /// <see cref="_reservationGate"/>.
    /// </summary>
    public sealed partial class InventoryService
    {
        private readonly object _catalogGate = new();
        private readonly object _reservationGate = new();
        private readonly Dictionary<string, StockItem> _catalog = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<Guid, Reservation> _reservations = new();
        private readonly TimeProvider _time;

        public InventoryService(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

        public event EventHandler<StockItem>? LowStock;

        public int LowStockThreshold { get; init; } = 5;

        /// <summary>Called after a reservation or restock changed an item's availability.</summary>
        partial void OnAvailabilityChanged(string sku, int available);

        /// <summary>Implemented in the other part: what is reserved and not expired for <paramref name="sku"/>.</summary>
        private partial int ReservedLocked(string sku, DateTimeOffset now);

        public void Restock(string sku, string description, int quantity)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(quantity);
            int available;
            lock (_catalogGate)
            {
                var item = _catalog.TryGetValue(sku, out var existing)
                    ? existing with { OnHand = existing.OnHand + quantity }
                    : new StockItem(sku, description, quantity);
                _catalog[sku] = item;
                lock (_reservationGate)
                {
                    available = item.OnHand - ReservedLocked(sku, _time.GetUtcNow());
                }
            }

            OnAvailabilityChanged(sku, available);
        }

        public int Available(string sku)
        {
            lock (_catalogGate)
            {
                if (!_catalog.TryGetValue(sku, out var item))
                {
                    return 0;
                }

                lock (_reservationGate)
                {
                    return item.OnHand - ReservedLocked(sku, _time.GetUtcNow());
                }
            }
        }

        public IReadOnlyList<StockItem> Catalog()
        {
            lock (_catalogGate)
            {
                return new List<StockItem>(_catalog.Values);
            }
        }

        private void RaiseLowStock(StockItem item)
        {
            if (item.OnHand <= LowStockThreshold)
            {
                ThreadPool.QueueUserWorkItem(static state => state.Service.LowStock?.Invoke(state.Service, state.Item), (Service: this, Item: item), preferLocal: false);
            }
        }
    }
}
