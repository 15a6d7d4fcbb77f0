using System;
using System.Linq;
using LockLevels.Analyzers.Model;
using Xunit;

namespace LockLevels.Tests.Model
{
    public class SummarySolverTests
    {
        private static SummarySolver<string, string> Solver(int maxBoundedCalls = int.MaxValue)
            => new(StringComparer.Ordinal, maxBoundedCalls);

        private static string Chain(SummarySolver<string, string> solver, string method, string level)
            => string.Join(" → ", solver.SummaryOf(method).Single(acquisition => acquisition.Level == level).Chain().Select(step => step.Site));

        [Fact]
        public void WitnessIsTheShortestChain_NotTheFirstFound()
        {
            // Top calls Long first (three calls down to B), then Short (one call).
            var solver = Solver();
            solver.AddCall("Top", "Long", "Top→Long");
            solver.AddCall("Long", "Mid", "Long→Mid");
            solver.AddCall("Mid", "Leaf", "Mid→Leaf");
            solver.AddCall("Top", "Short", "Top→Short");
            solver.AddCall("Short", "Leaf", "Short→Leaf");
            solver.AddDirect("Leaf", "B", shared: false, "lock B");
            solver.Solve();

            Assert.Equal("Top→Short → Short→Leaf → lock B", Chain(solver, "Top", "B"));
            Assert.Equal(2, solver.SummaryOf("Top").Single().Calls);
        }

        [Fact]
        public void WitnessInsideRecursion_IsTheShortestAndFinite()
        {
            var solver = Solver();
            solver.AddCall("A", "B", "A→B");
            solver.AddCall("B", "C", "B→C");
            solver.AddCall("C", "A", "C→A");
            solver.AddCall("A", "C", "A→C");
            solver.AddDirect("C", "L", shared: false, "lock L");
            solver.Solve();

            Assert.Equal("A→C → lock L", Chain(solver, "A", "L"));
            Assert.Equal("B→C → lock L", Chain(solver, "B", "L"));
            Assert.Equal(0, solver.SummaryOf("C").Single().Calls);
        }

        [Fact]
        public void BoundedLevel_IsCarriedUpOneCallFewerThanTheBound()
        {
            // Bound 2: a caller's call plus at most one more, so Mid keeps B (1 call down) and Top does not.
            var solver = Solver(maxBoundedCalls: 2);
            solver.AddCall("Top", "Mid", "Top→Mid");
            solver.AddCall("Mid", "Leaf", "Mid→Leaf");
            solver.AddDirect("Leaf", "B", shared: false, "lock B", bounded: true);
            solver.AddDirect("Leaf", "Declared", shared: false, "take Declared");
            solver.Solve();

            Assert.Equal(new[] { "B", "Declared" }, solver.SummaryOf("Mid").Select(acquisition => acquisition.Level));
            Assert.Equal(new[] { "Declared" }, solver.SummaryOf("Top").Select(acquisition => acquisition.Level));
        }

        [Fact]
        public void OwnLockThroughAFreshObject_IsDropped_UnlessAnotherPathTakesItOnAnotherObject()
        {
            var solver = Solver();
            solver.AddCall("Cancel", "Break", "fresh.Break()", ReceiverKind.Fresh);
            solver.AddCall("Break", "Close", "Close()", ReceiverKind.This);
            solver.AddDirect("Close", "Conn._sync", shared: false, "lock (_sync)", bounded: true, onOwnObject: true);
            solver.AddCall("Drain", "Break", "fresh.Break()", ReceiverKind.Fresh);
            solver.AddCall("Drain", "Pool", "Pool()", ReceiverKind.This);
            solver.AddCall("Pool", "Close", "other.Close()", ReceiverKind.Other);

            // Mixed reaches the lock on its own object (shorter) and on another: it is not only its own.
            solver.AddCall("Mixed", "Close", "Close()", ReceiverKind.This);
            solver.AddCall("Mixed", "Pool", "Pool()", ReceiverKind.This);
            solver.AddCall("Recycle", "Mixed", "fresh.Mixed()", ReceiverKind.Fresh);
            solver.Solve();

            Assert.False(solver.SummaryOf("Mixed").Single().OnOwnObject);
            Assert.Equal("fresh.Mixed() → Close() → lock (_sync)", Chain(solver, "Recycle", "Conn._sync"));

            Assert.True(solver.SummaryOf("Break").Single().OnOwnObject);
            Assert.Empty(solver.SummaryOf("Cancel"));
            Assert.Equal("Pool() → other.Close() → lock (_sync)", Chain(solver, "Drain", "Conn._sync"));
            Assert.False(solver.SummaryOf("Drain").Single().OnOwnObject);
        }
    
        [Fact]
        public void OwnLockThroughAHelpersBackPointer_IsTheOwnersOwn()
        {
            // Cancel works on a fresh connector; its Flush goes through the connector's buffer, which calls back
            // on the connector that made it (Connector.Break): still the fresh connector's own lock.
            var solver = Solver();
            solver.AddCall("Cancel", "Request", "fresh.Request()", ReceiverKind.Fresh);
            solver.AddCall("Request", "Flush", "WriteBuffer.Flush()", ReceiverKind.Helper);
            solver.AddCall("Flush", "Break", "Connector.Break()", ReceiverKind.Owner);
            solver.AddDirect("Break", "Conn._cleanup", shared: false, "lock (_cleanup)", bounded: true, onOwnObject: true);

            // The same buffer reached on another connector's helper, or a helper reaching its owner's owner, is not own.
            solver.AddCall("Drain", "Flush", "other.WriteBuffer.Flush()", ReceiverKind.Other);
            solver.AddCall("Nested", "Flush", "Connector.Flush()", ReceiverKind.Owner);
            solver.AddCall("Outer", "Nested", "Inner.Nested()", ReceiverKind.Helper);
            solver.Solve();

            var flush = solver.SummaryOf("Flush").Single();
            Assert.False(flush.OnOwnObject);
            Assert.True(flush.OnOwner);
            Assert.True(solver.SummaryOf("Request").Single().OnOwnObject);
            Assert.Empty(solver.SummaryOf("Cancel"));

            Assert.False(solver.SummaryOf("Drain").Single().OnOwnObject);
            Assert.False(solver.SummaryOf("Nested").Single().OnOwner);
            Assert.False(solver.SummaryOf("Outer").Single().OnOwnObject);
            Assert.Equal("Inner.Nested() → Connector.Flush() → Connector.Break() → lock (_cleanup)", Chain(solver, "Outer", "Conn._cleanup"));
        }

        [Fact]
        public void OwnerLock_MergedWithAPathOnAnotherObject_IsNotTheOwners()
        {
            var solver = Solver();
            solver.AddCall("Flush", "Break", "Connector.Break()", ReceiverKind.Owner);
            solver.AddCall("Flush", "Pool", "Pool()", ReceiverKind.This);
            solver.AddCall("Pool", "Break", "idle.Break()", ReceiverKind.Other);
            solver.AddDirect("Break", "Conn._cleanup", shared: false, "lock (_cleanup)", bounded: true, onOwnObject: true);
            solver.AddCall("Request", "Flush", "WriteBuffer.Flush()", ReceiverKind.Helper);
            solver.AddCall("Cancel", "Request", "fresh.Request()", ReceiverKind.Fresh);
            solver.Solve();

            Assert.False(solver.SummaryOf("Flush").Single().OnOwner);
            Assert.False(solver.SummaryOf("Request").Single().OnOwnObject);
            Assert.Equal("fresh.Request() → WriteBuffer.Flush() → Connector.Break() → lock (_cleanup)", Chain(solver, "Cancel", "Conn._cleanup"));
        }

        [Fact]
        public void HandBackOnOnePathAndAGuardOnAnother_RetakesOnlyWithoutTheGuard_ButOrdersEither()
        {
            // Recover(bool held): Delete(held) takes L only when held is false; then a hand-back takes L again.
            var solver = Solver();
            solver.AddCall("Recover", "Delete", "Delete(held)", ReceiverKind.This, default(FlagArguments).Forwarding(0, 0));
            solver.AddDirect("Delete", "L", shared: false, "Delete: take L", guard: (0, false));
            solver.AddDirect("Recover", "L", shared: false, "Recover: take L again", afterOwnRelease: true);
            solver.Solve();

            var acquired = solver.SummaryOf("Recover").Single();
            Assert.False(acquired.AfterOwnRelease);
            Assert.Equal((-1, false), acquired.Guard);
            Assert.Equal((0, false), acquired.Retake.Guard(ReceiverRoot.This));
            Assert.Equal("Delete(held) → Delete: take L", Chain(solver, "Recover", "L"));

            var held = default(FlagArguments).With(0, true);
            Assert.True(SummarySolver<string, string>.Counts(acquired, ReceiverKind.This, held));
            Assert.False(SummarySolver<string, string>.Retakes(acquired, ReceiverKind.This, ReceiverRoot.This, held));
            Assert.True(SummarySolver<string, string>.Retakes(acquired, ReceiverKind.This, ReceiverRoot.This, default(FlagArguments).With(0, false)));
        }
        [Fact]
        public void RetakingPaths_AreSeenByACallerOnlyWhereItCanNameTheirObject()
        {
            // Recover(bool held, Peer peer): Delete(held) takes this object's L only when held is false;
            // peer.Refresh() takes the peer's L, which Recover's callers cannot name; Global() a static L.
            var solver = Solver();
            solver.AddCall("Recover", "Delete", "Delete(held)", ReceiverKind.This, default(FlagArguments).Forwarding(0, 0), receiverRoot: ReceiverRoot.This);
            solver.AddDirect("Delete", "L", shared: false, "Delete: take this L", guard: (0, false), root: ObjectRoot.This);
            solver.AddCall("Recover", "Refresh", "peer.Refresh()", ReceiverKind.Other, receiverRoot: ReceiverRoot.Local);
            solver.AddDirect("Refresh", "L", shared: false, "Refresh: take this L", root: ObjectRoot.This);
            solver.AddCall("Sweep", "Global", "Global()", ReceiverKind.This, receiverRoot: ReceiverRoot.This);
            solver.AddDirect("Global", "L", shared: false, "Global: take static L", root: ObjectRoot.Static);
            solver.Solve();

            var recover = solver.SummaryOf("Recover").Single();
            Assert.Equal((-1, false), recover.Guard);
            Assert.Equal((0, false), recover.Retake.Guard(ReceiverRoot.This));
            Assert.False(SummarySolver<string, string>.Retakes(recover, ReceiverKind.This, ReceiverRoot.This, default(FlagArguments).With(0, true)));

            // A lambda or local function names what Recover names: the peer's L too, unguarded.
            Assert.True(SummarySolver<string, string>.Retakes(recover, ReceiverKind.This, ReceiverRoot.Captured, default(FlagArguments).With(0, true)));

            // Through a receiver the caller cannot name, only a static lock is still one it can.
            Assert.False(recover.Retake.Any(ReceiverRoot.Unnamed));
            Assert.True(solver.SummaryOf("Sweep").Single().Retake.Any(ReceiverRoot.Unnamed));
        }
    }
}
