using LockLevels.Analyzers.Model;
using Xunit;

namespace LockLevels.Tests.Model
{
    public class HeldLockSetTests
    {
        private static HeldLock Held(HeldLockSet set, string level)
        {
            Assert.True(set.TryGet(level, out var held), level + " is not held in " + set);
            return held;
        }

        [Fact]
        public void Empty_HoldsNothing()
        {
            Assert.True(HeldLockSet.Empty.IsEmpty);
            Assert.Empty(HeldLockSet.Empty.Locks);
            Assert.False(HeldLockSet.Empty.Contains("A"));
            Assert.False(HeldLockSet.Empty.TryGet("A", out _));
        }

        [Fact]
        public void Acquire_AddsTheLevelAsAcquiredAtDepthOneWithItsSite()
        {
            var set = HeldLockSet.Empty.Acquire("A", shared: true, site: 7);

            Assert.Equal(new HeldLock("A", shared: true, HeldOrigin.Acquired, site: 7, depth: 1), Held(set, "A"));
            Assert.Single(set.Locks);
        }

        [Fact]
        public void ReleaseSite_DropsEverythingTakenThere_AndKeepsTheOtherSitesAtTheirCount()
        {
            var loop = HeldLockSet.Empty.Acquire("A", shared: false, site: 0).Acquire("A", shared: false, site: 1).Acquire("A", shared: false, site: 1);

            var rest = loop.ReleaseSite("A", 1);

            Assert.Equal(new HeldLock("A", shared: false, HeldOrigin.Acquired, site: 0, depth: 1), Held(rest, "A"));
            Assert.False(rest.ReleaseSite("A", 0).Contains("A"));
            Assert.Same(rest, rest.ReleaseSite("A", 5));
            Assert.Same(rest, rest.ReleaseSite("B", 0));
        }

        [Fact]
        public void Acquire_DoesNotChangeTheOriginalSet()
        {
            var original = HeldLockSet.Empty.Acquire("A", shared: false, site: 0);

            original.Acquire("B", shared: false, site: 1);

            Assert.False(original.Contains("B"));
            Assert.True(HeldLockSet.Empty.IsEmpty);
        }

        [Fact]
        public void Locks_AreKeptInOrdinalLevelOrder()
        {
            var set = HeldLockSet.Empty.Acquire("b", false, 0).Acquire("a", false, 1).Acquire("C", false, 2);

            Assert.Equal(new[] { "C", "a", "b" }, System.Linq.Enumerable.Select(set.Locks, held => held.Level));
        }

        [Fact]
        public void Release_RemovesALevelHeldOnce()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("B", false, 1).Release("A");

            Assert.False(set.Contains("A"));
            Assert.True(set.Contains("B"));
        }

        [Fact]
        public void Release_OfALevelNotHeld_ReturnsTheSameSet()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0);

            Assert.Same(set, set.Release("B"));
            Assert.Same(HeldLockSet.Empty, HeldLockSet.Empty.Release("A"));
        }

        [Fact]
        public void ReentrantAcquire_IncreasesDepthAndKeepsTheFirstSite()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 3).Acquire("A", false, 9);

            var held = Held(set, "A");
            Assert.Equal(2, held.Depth);
            Assert.Equal(3, held.Site);
            Assert.Single(set.Locks);
        }

        [Fact]
        public void ReentrantRelease_KeepsTheLevelUntilEveryDepthIsReleased()
        {
            var twice = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("A", false, 1);

            var once = twice.Release("A");
            Assert.Equal(1, Held(once, "A").Depth);
            Assert.True(once.Release("A").IsEmpty);
        }

        [Fact]
        public void ReentrantDepth_SaturatesAtThree()
        {
            var set = HeldLockSet.Empty;
            for (int i = 0; i < 5; i++)
            {
                set = set.Acquire("A", false, i);
            }

            Assert.Equal(3, Held(set, "A").Depth);
        }

        [Fact]
        public void AcquireAtSaturatedDepth_ReturnsTheSameSet()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("A", false, 0).Acquire("A", false, 0);

            Assert.Same(set, set.Acquire("A", false, 0));
        }

        [Fact]
        public void SaturatedLevel_IsReleasedAfterThreeReleases()
        {
            var set = HeldLockSet.Empty;
            for (int i = 0; i < 5; i++)
            {
                set = set.Acquire("A", false, 0);
            }

            set = set.Release("A").Release("A");
            Assert.Equal(1, Held(set, "A").Depth);
            Assert.True(set.Release("A").IsEmpty);
        }

        [Fact]
        public void ReentrantExclusiveAcquire_OfASharedLevel_MakesItExclusive()
        {
            var set = HeldLockSet.Empty.Acquire("A", shared: true, site: 0).Acquire("A", shared: false, site: 1);

            Assert.False(Held(set, "A").Shared);
        }

        [Fact]
        public void ReentrantSharedAcquire_OfASharedLevel_KeepsItShared()
        {
            var set = HeldLockSet.Empty.Acquire("A", shared: true, site: 0).Acquire("A", shared: true, site: 1);

            Assert.True(Held(set, "A").Shared);
        }

        [Fact]
        public void FromContext_HoldsEachLevelOnceAsAContextLevel()
        {
            var set = HeldLockSet.FromContext(new[] { "B", "A", "B" });

            Assert.Equal(2, set.Locks.Length);
            Assert.Equal(new HeldLock("A", shared: false, HeldOrigin.Context, site: -1, depth: 1), set.Locks[0]);
            Assert.Equal(new HeldLock("B", shared: false, HeldOrigin.Context, site: -1, depth: 1), set.Locks[1]);
        }

        [Fact]
        public void ReentrantAcquire_OfAContextLevel_KeepsTheContextOrigin()
        {
            var set = HeldLockSet.FromContext(new[] { "A" }).Acquire("A", false, 4);

            var held = Held(set, "A");
            Assert.Equal(HeldOrigin.Context, held.Origin);
            Assert.Equal(-1, held.Site);
            Assert.Equal(2, held.Depth);
        }

        [Fact]
        public void Join_IsTheUnionOfBothSets()
        {
            var left = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("C", false, 1);
            var right = HeldLockSet.Empty.Acquire("B", false, 2).Acquire("C", false, 1);

            var joined = left.Join(right);

            Assert.Equal(new[] { "A", "B", "C" }, System.Linq.Enumerable.Select(joined.Locks, held => held.Level));
        }

        [Fact]
        public void Join_KeepsTheGreaterDepth()
        {
            var once = HeldLockSet.Empty.Acquire("A", false, 0);
            var twice = once.Acquire("A", false, 0);

            Assert.Equal(2, Held(once.Join(twice), "A").Depth);
            Assert.Equal(2, Held(twice.Join(once), "A").Depth);
        }

        [Fact]
        public void Join_KeepsTheEarlierAcquisitionSite()
        {
            var early = HeldLockSet.Empty.Acquire("A", false, 2);
            var late = HeldLockSet.Empty.Acquire("A", false, 5);

            Assert.Equal(2, Held(early.Join(late), "A").Site);
            Assert.Equal(2, Held(late.Join(early), "A").Site);
        }

        [Fact]
        public void Join_IsSharedOnlyWhenSharedOnBothPaths()
        {
            var shared = HeldLockSet.Empty.Acquire("A", shared: true, site: 0);
            var exclusive = HeldLockSet.Empty.Acquire("A", shared: false, site: 0);

            Assert.True(Held(shared.Join(shared.Acquire("B", false, 1)), "A").Shared);
            Assert.False(Held(shared.Join(exclusive), "A").Shared);
            Assert.False(Held(exclusive.Join(shared), "A").Shared);
        }

        [Fact]
        public void Join_OfALevelHeldOnOnlyOnePath_KeepsItsSharedness()
        {
            var shared = HeldLockSet.Empty.Acquire("A", shared: true, site: 0);
            var other = HeldLockSet.Empty.Acquire("B", shared: false, site: 1);

            Assert.True(Held(shared.Join(other), "A").Shared);
        }

        [Fact]
        public void Join_OfContextAndAcquired_KeepsTheContextOrigin()
        {
            var context = HeldLockSet.FromContext(new[] { "A" });
            var acquired = HeldLockSet.Empty.Acquire("A", false, 3).Acquire("A", false, 3);

            foreach (var joined in new[] { context.Join(acquired), acquired.Join(context) })
            {
                var held = Held(joined, "A");
                Assert.Equal(HeldOrigin.Context, held.Origin);
                Assert.Equal(-1, held.Site);
                Assert.Equal(2, held.Depth);
            }
        }

        [Fact]
        public void Join_IsCommutative()
        {
            var left = HeldLockSet.Empty.Acquire("A", true, 4).Acquire("B", false, 1);
            var right = HeldLockSet.FromContext(new[] { "B" }).Acquire("A", false, 2).Acquire("C", true, 0);

            Assert.Equal(left.Join(right), right.Join(left));
        }

        [Fact]
        public void Join_WithEmpty_ReturnsTheOtherSet()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0);

            Assert.Same(set, set.Join(HeldLockSet.Empty));
            Assert.Same(set, HeldLockSet.Empty.Join(set));
        }

        [Fact]
        public void Join_ThatAddsNothing_ReturnsTheSameInstance()
        {
            var big = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("A", false, 0).Acquire("B", false, 1);
            var small = HeldLockSet.Empty.Acquire("A", false, 0);

            Assert.Same(big, big.Join(small));
        }

        [Fact]
        public void Join_KeepsEverySiteALevelMayBeHeldAt()
        {
            var left = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("A", false, 2);
            var right = HeldLockSet.Empty.Acquire("A", false, 1);

            Assert.Equal(new[] { 0, 1, 2 }, left.Join(right).Locks[0].Sites);
        }

        [Fact]
        public void ReleaseOfAKnownSite_KeepsTheOtherSitesHeld()
        {
            var twoObjects = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("A", false, 1);

            var released = twoObjects.Release("A", site: 0);

            Assert.Equal(new[] { 1 }, released.Locks[0].Sites);
            Assert.Equal(1, released.Locks[0].Site);
            Assert.Equal(1, released.Locks[0].Depth);
        }

        [Fact]
        public void Equals_IgnoresTheOrderLevelsWereAcquiredIn()
        {
            var ab = HeldLockSet.Empty.Acquire("A", false, 0).Acquire("B", true, 1);
            var ba = HeldLockSet.Empty.Acquire("B", true, 1).Acquire("A", false, 0);

            Assert.True(ab.Equals(ba));
            Assert.True(ab.Equals((object)ba));
            Assert.Equal(ab.GetHashCode(), ba.GetHashCode());
        }

        [Fact]
        public void Equals_DistinguishesDepth()
        {
            var once = HeldLockSet.Empty.Acquire("A", false, 0);

            Assert.False(once.Equals(once.Acquire("A", false, 0)));
        }

        [Fact]
        public void Equals_DistinguishesSharedness()
        {
            Assert.False(HeldLockSet.Empty.Acquire("A", true, 0).Equals(HeldLockSet.Empty.Acquire("A", false, 0)));
        }

        [Fact]
        public void Equals_DistinguishesSite()
        {
            Assert.False(HeldLockSet.Empty.Acquire("A", false, 0).Equals(HeldLockSet.Empty.Acquire("A", false, 1)));
        }

        [Fact]
        public void Equals_DistinguishesOrigin()
        {
            var context = HeldLockSet.FromContext(new[] { "A" });
            var acquired = HeldLockSet.Empty.Acquire("A", false, -1);

            Assert.False(context.Equals(acquired));
        }

        [Fact]
        public void Equals_DistinguishesLevels()
        {
            Assert.False(HeldLockSet.Empty.Acquire("A", false, 0).Equals(HeldLockSet.Empty.Acquire("B", false, 0)));
            Assert.False(HeldLockSet.Empty.Acquire("A", false, 0).Equals(HeldLockSet.Empty));
        }

        [Fact]
        public void Equals_IsFalseForNullAndOtherTypes()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0);

            Assert.False(set.Equals((HeldLockSet?)null));
            Assert.False(set.Equals((object?)null));
            Assert.False(set.Equals("A"));
        }

        [Fact]
        public void AcquireThenRelease_EqualsEmpty()
        {
            var set = HeldLockSet.Empty.Acquire("A", false, 0).Release("A");

            Assert.Equal(HeldLockSet.Empty, set);
        }

        [Fact]
        public void HeldLock_EqualityComparesEveryField()
        {
            var held = new HeldLock("A", shared: false, HeldOrigin.Acquired, site: 1, depth: 1);

            Assert.Equal(held, new HeldLock("A", false, HeldOrigin.Acquired, 1, 1));
            Assert.NotEqual(held, new HeldLock("B", false, HeldOrigin.Acquired, 1, 1));
            Assert.NotEqual(held, new HeldLock("A", true, HeldOrigin.Acquired, 1, 1));
            Assert.NotEqual(held, new HeldLock("A", false, HeldOrigin.Context, 1, 1));
            Assert.NotEqual(held, new HeldLock("A", false, HeldOrigin.Acquired, 2, 1));
            Assert.NotEqual(held, new HeldLock("A", false, HeldOrigin.Acquired, 1, 2));
        }
    }
}
