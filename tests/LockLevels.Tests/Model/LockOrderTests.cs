using System.Collections.Generic;
using System.Linq;
using LockLevels.Analyzers.Model;
using Xunit;

namespace LockLevels.Tests.Model
{
    public class LockOrderTests
    {
        private static LockOrder Build(params string[][] chains)
            => LockOrder.Build(chains.Select(chain => (IReadOnlyList<string>)chain).ToList());

        [Fact]
        public void Empty_HasNoDeclarationsAndOrdersNothing()
        {
            Assert.False(LockOrder.Empty.HasDeclarations);
            Assert.False(LockOrder.Empty.IsDeclared("A"));
            Assert.False(LockOrder.Empty.IsOuter("A", "B"));
            Assert.Empty(LockOrder.Empty.Problems);
        }

        [Fact]
        public void SingleChain_OrdersEachLevelOuterToEveryLaterOne()
        {
            var order = Build(new[] { "A", "B", "C", "D" });

            Assert.True(order.IsOuter("A", "B"));
            Assert.True(order.IsOuter("A", "C"));
            Assert.True(order.IsOuter("A", "D"));
            Assert.True(order.IsOuter("B", "D"));
            Assert.True(order.IsOuter("C", "D"));
            Assert.False(order.IsOuter("D", "A"));
            Assert.False(order.IsOuter("C", "B"));
            Assert.Empty(order.Problems);
        }

        [Fact]
        public void Level_IsNotOuterToItself()
        {
            var order = Build(new[] { "A", "B" });

            Assert.False(order.IsOuter("A", "A"));
            Assert.False(order.IsOuter("B", "B"));
        }

        [Fact]
        public void ChainsSharingALevel_AreClosedTransitively()
        {
            var order = Build(new[] { "A", "B" }, new[] { "B", "C" }, new[] { "C", "D" });

            Assert.True(order.IsOuter("A", "C"));
            Assert.True(order.IsOuter("A", "D"));
            Assert.True(order.IsOuter("B", "D"));
            Assert.False(order.IsOuter("D", "A"));
            Assert.Empty(order.Problems);
        }

        [Fact]
        public void ChainsDeclaredInnerFirst_AreClosedTransitively()
        {
            // The inner link is declared before the outer ones: the closure must still reach through.
            var order = Build(new[] { "C", "D" }, new[] { "A", "B" }, new[] { "B", "C" });

            Assert.True(order.IsOuter("A", "C"));
            Assert.True(order.IsOuter("A", "D"));
            Assert.True(order.IsOuter("B", "D"));
            Assert.False(order.IsOuter("D", "B"));
        }

        [Fact]
        public void ChainJoiningTwoExistingChains_OrdersEveryOuterLevelBeforeEveryInnerLevel()
        {
            var order = Build(new[] { "A", "B" }, new[] { "X", "Y" }, new[] { "B", "X" });

            Assert.True(order.IsOuter("A", "X"));
            Assert.True(order.IsOuter("A", "Y"));
            Assert.True(order.IsOuter("B", "Y"));
            Assert.False(order.IsOuter("Y", "A"));
        }

        [Fact]
        public void UnionOfChains_LeavesLevelsOnDifferentBranchesUnordered()
        {
            var order = Build(new[] { "A", "B" }, new[] { "A", "C" });

            Assert.True(order.IsOuter("A", "B"));
            Assert.True(order.IsOuter("A", "C"));
            Assert.False(order.IsOuter("B", "C"));
            Assert.False(order.IsOuter("C", "B"));
        }

        [Fact]
        public void DisjointChains_LeaveLevelsOfDifferentChainsUnordered()
        {
            var order = Build(new[] { "A", "B" }, new[] { "X", "Y" });

            Assert.False(order.IsOuter("A", "X"));
            Assert.False(order.IsOuter("X", "A"));
            Assert.False(order.IsOuter("B", "Y"));
            Assert.False(order.IsOuter("Y", "B"));
        }

        [Fact]
        public void IsDeclared_IsTrueForEveryListedLevelOnly()
        {
            var order = Build(new[] { "A", "B" }, new[] { "C" });

            Assert.True(order.HasDeclarations);
            Assert.True(order.IsDeclared("A"));
            Assert.True(order.IsDeclared("B"));
            Assert.True(order.IsDeclared("C"));
            Assert.False(order.IsDeclared("D"));
        }

        [Fact]
        public void LevelNames_AreCaseSensitive()
        {
            var order = Build(new[] { "A", "B" });

            Assert.False(order.IsDeclared("a"));
            Assert.False(order.IsOuter("a", "B"));
        }

        [Fact]
        public void UndeclaredLevel_IsNeitherOuterNorInner()
        {
            var order = Build(new[] { "A", "B" });

            Assert.False(order.IsOuter("A", "Z"));
            Assert.False(order.IsOuter("Z", "B"));
        }

        [Fact]
        public void CycleAcrossTwoChains_IsReportedAgainstTheChainThatClosesIt()
        {
            var order = Build(new[] { "A", "B", "C" }, new[] { "C", "A" });

            var problem = Assert.Single(order.Problems);
            Assert.Equal(HierarchyProblemKind.Cycle, problem.Kind);
            Assert.Equal(1, problem.ChainIndex);
            Assert.Equal(new[] { "A", "B", "C", "A" }, problem.Levels);
        }

        [Fact]
        public void TwoLevelCycle_ListsBothLevelsAndClosesOnTheFirst()
        {
            var order = Build(new[] { "A", "B" }, new[] { "B", "A" });

            var problem = Assert.Single(order.Problems);
            Assert.Equal(HierarchyProblemKind.Cycle, problem.Kind);
            Assert.Equal(1, problem.ChainIndex);
            Assert.Equal(new[] { "A", "B", "A" }, problem.Levels);
        }

        [Fact]
        public void CycleThroughThreeChains_IsReportedAgainstTheThirdWithTheWholePath()
        {
            var order = Build(new[] { "A", "B" }, new[] { "B", "C" }, new[] { "C", "A" });

            var problem = Assert.Single(order.Problems);
            Assert.Equal(HierarchyProblemKind.Cycle, problem.Kind);
            Assert.Equal(2, problem.ChainIndex);
            Assert.Equal(new[] { "A", "B", "C", "A" }, problem.Levels);
        }

        [Fact]
        public void EdgeClosingACycle_IsLeftOutSoTheOrderStaysAcyclic()
        {
            var order = Build(new[] { "A", "B", "C" }, new[] { "C", "A" });

            Assert.True(order.IsOuter("A", "C"));
            Assert.False(order.IsOuter("C", "A"));
            Assert.False(order.IsOuter("C", "B"));
        }

        [Fact]
        public void ChainWithACycle_StillContributesItsOtherEdges()
        {
            var order = Build(new[] { "A", "B" }, new[] { "B", "A", "D" });

            Assert.Equal(HierarchyProblemKind.Cycle, Assert.Single(order.Problems).Kind);
            Assert.True(order.IsOuter("A", "D"));
            Assert.True(order.IsDeclared("D"));

            // Only the edge that closed the cycle (B before A) is dropped, so nothing makes B outer to D.
            Assert.False(order.IsOuter("B", "D"));
        }

        [Fact]
        public void LevelListedTwice_IsReportedOnceForItsChain()
        {
            var order = Build(new[] { "X" }, new[] { "A", "B", "A" });

            var problem = Assert.Single(order.Problems);
            Assert.Equal(HierarchyProblemKind.LevelListedTwice, problem.Kind);
            Assert.Equal(1, problem.ChainIndex);
            Assert.Equal(new[] { "A" }, problem.Levels);
        }

        [Fact]
        public void LevelListedTwice_IsNotAlsoReportedAsACycle()
        {
            var order = Build(new[] { "A", "B", "A" });

            Assert.DoesNotContain(order.Problems, problem => problem.Kind == HierarchyProblemKind.Cycle);
            Assert.True(order.IsOuter("A", "B"));
            Assert.False(order.IsOuter("B", "A"));
        }

        [Fact]
        public void LevelListedThreeTimes_IsReportedOnce()
        {
            var order = Build(new[] { "A", "B", "A", "C", "A" });

            var problem = Assert.Single(order.Problems);
            Assert.Equal(HierarchyProblemKind.LevelListedTwice, problem.Kind);
            Assert.Equal(new[] { "A" }, problem.Levels);
        }

        [Fact]
        public void TwoLevelsEachListedTwice_AreReportedOnceEachInOrder()
        {
            var order = Build(new[] { "A", "B", "B", "A" });

            Assert.Equal(new[] { "B", "A" }, order.Problems.Select(problem => problem.Levels.Single()));
            Assert.All(order.Problems, problem => Assert.Equal(HierarchyProblemKind.LevelListedTwice, problem.Kind));
        }

        [Fact]
        public void SameLevelInTwoChains_IsNotAProblem()
        {
            var order = Build(new[] { "A", "B" }, new[] { "A", "C" });

            Assert.Empty(order.Problems);
        }

        [Fact]
        public void DuplicateLevel_DoesNotBreakTheChainAroundIt()
        {
            // After the repeated A, the chain continues from B: B is outer to C.
            var order = Build(new[] { "A", "B", "A", "C" });

            Assert.True(order.IsOuter("B", "C"));
            Assert.True(order.IsOuter("A", "C"));
        }

        [Fact]
        public void EmptyAndBlankNames_AreIgnoredAndDoNotBreakTheChain()
        {
            var order = Build(new[] { "A", "", "  ", null!, "B" });

            Assert.True(order.IsOuter("A", "B"));
            Assert.False(order.IsDeclared(""));
            Assert.False(order.IsDeclared("  "));
            Assert.Empty(order.Problems);
        }

        [Fact]
        public void ChainOfOnlyEmptyNames_DeclaresNothing()
        {
            var order = Build(new[] { "", " " });

            Assert.False(order.HasDeclarations);
            Assert.Empty(order.Problems);
        }

        [Fact]
        public void NoChains_DeclaresNothing()
        {
            var order = Build();

            Assert.False(order.HasDeclarations);
            Assert.Empty(order.Problems);
        }

        [Fact]
        public void SingleLevelChain_DeclaresTheLevelWithoutOrderingIt()
        {
            var order = Build(new[] { "Solo" });

            Assert.True(order.HasDeclarations);
            Assert.True(order.IsDeclared("Solo"));
            Assert.False(order.IsOuter("Solo", "Solo"));
        }

        [Fact]
        public void RedeclaringAnImpliedEdge_IsNotAProblem()
        {
            var order = Build(new[] { "A", "B", "C" }, new[] { "A", "C" });

            Assert.Empty(order.Problems);
            Assert.True(order.IsOuter("A", "C"));
        }
    }
}
