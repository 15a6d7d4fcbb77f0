using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Inventory
{
    public sealed partial class InventoryService
    {
        private int _availabilityChanges;

        public int AvailabilityChanges => System.Threading.Volatile.Read(ref _availabilityChanges);

        partial void OnAvailabilityChanged(string sku, int available)
        {
            System.Threading.Interlocked.Increment(ref _availabilityChanges);
        }

        private partial int ReservedLocked(string sku, DateTimeOffset now)
            => _reservations.Values.Where(r => r.Sku.Equals(sku, StringComparison.OrdinalIgnoreCase) && r.Expires > now).Sum(r => r.Quantity);

        public Reservation? TryReserve(string sku, int quantity, TimeSpan holdFor)
        {
            var now = _time.GetUtcNow();
            Reservation reservation;
            int available;
            lock (_catalogGate)
            {
                if (!_catalog.TryGetValue(sku, out var item))
                {
                    return null;
                }

                lock (_reservationGate)
                {
                    available = item.OnHand - ReservedLocked(sku, now);
                    if (available < quantity)
                    {
                        return null;
                    }

                    reservation = new Reservation(Guid.NewGuid(), item.Sku, quantity, now + holdFor);
                    _reservations.Add(reservation.Id, reservation);
                }
            }

            OnAvailabilityChanged(sku, available - quantity);
            return reservation;
        }

        /// <summary>Turns a reservation into a shipment: stock goes down, the reservation goes away.</summary>
        public bool Commit(Guid reservationId)
        {
            StockItem updated;
            lock (_catalogGate)
            {
                Reservation? reservation;
                lock (_reservationGate)
                {
                    if (!_reservations.Remove(reservationId, out reservation) || reservation.Expires <= _time.GetUtcNow())
                    {
                        return false;
                    }
                }

                var item = _catalog[reservation.Sku];
                updated = item with { OnHand = item.OnHand - reservation.Quantity };
                _catalog[reservation.Sku] = updated;
            }

            RaiseLowStock(updated);
            return true;
        }

        public bool Cancel(Guid reservationId)
        {
            lock (_reservationGate)
            {
                return _reservations.Remove(reservationId);
            }
        }

        public int ExpireStale()
        {
            var now = _time.GetUtcNow();
            lock (_reservationGate)
            {
                var stale = _reservations.Values.Where(r => r.Expires <= now).Select(r => r.Id).ToList();
                stale.ForEach(id => _reservations.Remove(id));
                return stale.Count;
            }
        }
    }
}
