using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>
    /// Generates a filesystem-flavoured C# codebase annotated for LockLevels. Every method has the
    /// signature <c>int M(Ctx c, int x)</c> so any method can call any other; the call graph follows
    /// depths (d calls d - 1, across types), and every method carries a <em>floor</em>: the rank of
    /// the outermost level it may acquire, itself or through callees. A method holding a level calls
    /// only callees whose floor is below it in the total order the two declared chains extend to, so
    /// the only diagnostics are the planted ones (and the cycles those inversions close).
    /// </summary>
    public sealed partial class CodebaseGenerator
    {
        // A total order that extends both declared chains:
        //   SbWriters < MmapLock < InvalidateLock < FolioLock         (chain A, ranks 0 2 4 6)
        //   SbWriters < InodeLock < JournalHandle < BufferLock        (chain B, ranks 0 1 3 5)
        private static readonly string[] LevelNames = { "SbWriters", "InodeLock", "MmapLock", "JournalHandle", "InvalidateLock", "BufferLock", "FolioLock" };
        private const int Sb = 0, Inode = 1, Mmap = 2, Journal = 3, Invalidate = 4, Buffer = 5, Folio = 6, NoLevel = 7;

        private static readonly string[] Verbs = { "Read", "Write", "Flush", "Map", "Sync", "Lookup", "Alloc", "Free", "Truncate", "Evict", "Commit", "Scan", "Mark", "Clear", "Fill", "Copy", "Hash", "Count", "Split", "Merge", "Grow", "Shrink", "Probe", "Walk" };
        private static readonly string[] Nouns = { "Page", "Folio", "Block", "Extent", "Inode", "Dentry", "Buffer", "Bio", "Range", "Entry", "Node", "Chunk", "Cluster", "Tree", "Bitmap", "Segment", "Xattr", "Quota", "Dir", "Link" };
        private static readonly string[] TypeSuffixes = { "Cache", "Table", "Manager", "Walker", "Allocator", "Writer", "Reader", "Index", "Map", "Pool" };

        /// <summary>In the sparse shape, the share of plain methods' calls that may go to a callee reaching a lock.</summary>
        private const double SparseReachingCallRate = 0.03;

        private readonly GeneratorOptions _options;
        private readonly Random _rng;

        // Callees by depth and floor: [depth][floor] over the whole codebase, and per subsystem.
        private readonly List<MethodRef>[][] _global;
        private readonly Dictionary<int, List<MethodRef>[][]> _bySubsystem = new();
        private readonly List<MethodRef> _floorZero = new();

        // The call graph as generated: a node per method and per virtual/interface member.
        private readonly List<List<int>> _edges = new();
        private readonly HashSet<int> _virtualNodes = new();
        private readonly int _writePagesNode, _readFolioNode, _writeBlockNode;

        private int _lockMethods;
        private int _methods;
        private int _lambdas;
        private int _localFunctions;
        private readonly Dictionary<string, int> _planted = new() { ["LL0001"] = 0, ["LL0002"] = 0, ["LL0003"] = 0, ["LL0005"] = 0, ["LL0006"] = 0 };
        private int _plantCycle;

        private int _writePagesFloor = NoLevel;
        private int _readFolioFloor = NoLevel;
        private const int WriteBlockFloor = Invalidate; // implementations run with JournalHandle held: they may take InvalidateLock and inward

        private CodebaseGenerator(GeneratorOptions options)
        {
            _options = options;
            _rng = new Random(options.Seed);
            _global = NewBuckets();
            _writePagesNode = NewVirtualNode();
            _readFolioNode = NewVirtualNode();
            _writeBlockNode = NewVirtualNode();
        }

        private int NewNode()
        {
            _edges.Add(new List<int>());
            return _edges.Count - 1;
        }

        private int NewVirtualNode()
        {
            int node = NewNode();
            _virtualNodes.Add(node);
            return node;
        }

        /// <summary>
        /// The real-code shape (issue 12): lock-touching methods rare, plain code calling plain code,
        /// method names of their own type (as most real method names are; the dense shape's small
        /// vocabulary makes every name shared by a dozen types) and each subsystem's virtual members
        /// named apart, so that most of the call graph never reaches a lock.
        /// </summary>
        private bool Sparse => _options.Shape == CodebaseShape.Sparse;

        public static GeneratedCodebase Generate(GeneratorOptions options) => new CodebaseGenerator(options).Run();

        private List<MethodRef>[][] NewBuckets()
        {
            var buckets = new List<MethodRef>[_options.CallDepth + 1][];
            for (int d = 0; d < buckets.Length; d++)
            {
                buckets[d] = new List<MethodRef>[NoLevel + 1];
                for (int f = 0; f <= NoLevel; f++)
                {
                    buckets[d][f] = new List<MethodRef>();
                }
            }

            return buckets;
        }

        private GeneratedCodebase Run()
        {
            int typeCount = Math.Max(1, (_options.Methods + _options.MethodsPerType - 1) / _options.MethodsPerType);
            int subsystems = (typeCount + _options.TypesPerSubsystem - 1) / _options.TypesPerSubsystem;

            // Plan first: roles, and which address-space implementations carry the seed's bug, so
            // callers of the interface know its real floor before the implementations exist.
            var plans = new List<TypePlan>(typeCount);
            int remaining = _options.Methods;
            for (int t = 0; t < typeCount; t++)
            {
                int subsystem = t / _options.TypesPerSubsystem;
                int index = t % _options.TypesPerSubsystem;
                var role = index switch
                {
                    0 => Role.AddressOps,
                    1 => Role.BufferOps,
                    _ => Pick(Role.Helper, 45, Role.Node, 30, Role.Store, 25),
                };
                int methods = Math.Min(_options.MethodsPerType, remaining);
                remaining -= methods;
                if (methods < 2)
                {
                    role = Role.Helper; // too small to implement a two-member contract
                }

                bool buggy = role == Role.AddressOps && (t == 0 || _rng.NextDouble() < _options.InversionRate * 5);
                plans.Add(new TypePlan(t, subsystem, role, buggy, methods, Nouns[_rng.Next(Nouns.Length)] + TypeSuffixes[_rng.Next(TypeSuffixes.Length)] + t));
                if (buggy)
                {
                    _writePagesFloor = Sb;
                }
            }

            var files = new List<(string, string)> { ("Fs/Core.cs", CoreSource) };
            var subsystemInfo = new SubsystemInfo[subsystems];
            for (int s = 0; s < subsystems; s++)
            {
                subsystemInfo[s] = new SubsystemInfo(s, PickVirtualFloor(), PickVirtualFloor(), PickVirtualFloor(), PickVirtualFloor(), NewVirtualNode, Sparse ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                files.Add(($"Fs/S{s}/Common.cs", SubsystemSource(subsystemInfo[s])));
                _bySubsystem[s] = NewBuckets();
            }

            foreach (var plan in plans)
            {
                files.Add(($"Fs/S{plan.Subsystem}/{plan.Name}.cs", GenerateType(plan, subsystemInfo[plan.Subsystem])));
            }

            int lines = 0;
            foreach (var (_, text) in files)
            {
                foreach (char ch in text)
                {
                    if (ch == '\n')
                    {
                        lines++;
                    }
                }
            }

            var (largest, inCycles) = CycleStatistics();
            return new GeneratedCodebase
            {
                LargestCycle = largest,
                MethodsInCycles = inCycles,
                Files = _options.Unannotated ? Unannotated.Strip(files) : files,
                Methods = _methods,
                LockMethods = _lockMethods,
                Types = typeCount,
                Subsystems = subsystems,
                Lines = lines,
                Lambdas = _lambdas,
                LocalFunctions = _localFunctions,
                Planted = _options.Unannotated ? new Dictionary<string, int>() : _planted,
            };
        }

        /// <summary>The generated call graph's strongly connected components: the largest, and how many methods sit in components of two or more.</summary>
        private (int Largest, int InCycles) CycleStatistics()
        {
            int largest = 0, inCycles = 0;
            var successors = new List<IReadOnlyList<int>>(_edges.Count);
            foreach (var edges in _edges)
            {
                successors.Add(edges);
            }

            foreach (var component in LockLevels.Analyzers.Model.StronglyConnected.Components(successors))
            {
                int size = 0;
                foreach (var member in component)
                {
                    size += _virtualNodes.Contains(member) ? 0 : 1;
                }

                largest = Math.Max(largest, size);
                inCycles += size > 1 ? size : 0;
            }

            return (largest, inCycles);
        }

        private int PickVirtualFloor() => new[] { Journal, Invalidate, Buffer, Folio, NoLevel, NoLevel }[_rng.Next(6)];

        private T Pick<T>(T a, int wa, T b, int wb, T c, int wc)
        {
            int roll = _rng.Next(wa + wb + wc);
            return roll < wa ? a : roll < wa + wb ? b : c;
        }
    }
}
