// EXPECTED (planned rule LL0100, unannotated lock-order inversion): the same two locks taken in
// opposite orders, once with explicit Monitor.Enter/Exit in try/finally and once with lock
// statements.
//   SessionTable.Expire  Monitor.Enter(_sessionsGate) ... lock (_indexGate)   (edge _sessionsGate -> _indexGate)
//   SessionTable.Rebuild lock (_indexGate) ... Monitor.Enter(_sessionsGate)   (edge _indexGate -> _sessionsGate)
// Expiry running while the index is rebuilt can deadlock. No annotations are involved.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Corpus.Inversions.MonitorVersusLockStatement
{
    public sealed record Session(string Id, string User, DateTimeOffset Expires);

    public sealed class SessionTable
    {
        private readonly object _sessionsGate = new();
        private readonly object _indexGate = new();
        private readonly Dictionary<string, Session> _sessions = new();
        private readonly Dictionary<string, HashSet<string>> _byUser = new();

        public void Add(Session session)
        {
            lock (_sessionsGate)
            {
                _sessions[session.Id] = session;
            }

            lock (_indexGate)
            {
                if (!_byUser.TryGetValue(session.User, out var ids))
                {
                    _byUser[session.User] = ids = new HashSet<string>();
                }

                ids.Add(session.Id);
            }
        }

        public int Expire(DateTimeOffset now)
        {
            Monitor.Enter(_sessionsGate);
            try
            {
                var expired = _sessions.Values.Where(s => s.Expires <= now).ToList();
                foreach (var session in expired)
                {
                    _sessions.Remove(session.Id);
                    lock (_indexGate)
                    {
                        if (_byUser.TryGetValue(session.User, out var ids))
                        {
                            ids.Remove(session.Id);
                        }
                    }
                }

                return expired.Count;
            }
            finally
            {
                Monitor.Exit(_sessionsGate);
            }
        }

        public void Rebuild()
        {
            lock (_indexGate)
            {
                _byUser.Clear();
                var taken = false;
                try
                {
                    Monitor.Enter(_sessionsGate, ref taken);
                    foreach (var session in _sessions.Values)
                    {
                        if (!_byUser.TryGetValue(session.User, out var ids))
                        {
                            _byUser[session.User] = ids = new HashSet<string>();
                        }

                        ids.Add(session.Id);
                    }
                }
                finally
                {
                    if (taken)
                    {
                        Monitor.Exit(_sessionsGate);
                    }
                }
            }
        }
    }
}
