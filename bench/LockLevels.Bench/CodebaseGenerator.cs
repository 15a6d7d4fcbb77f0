using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>The generated sources and what went into them.</summary>
    public sealed class GeneratedCodebase
    {
        public required IReadOnlyList<(string Path, string Text)> Files { get; init; }

        /// <summary>Methods with bodies in generated types (not counting the shared core and subsystem files).</summary>
        public int Methods { get; init; }

        /// <summary>Of those, the ones whose bodies touch locks.</summary>
        public int LockMethods { get; init; }

        public int Types { get; init; }

        public int Subsystems { get; init; }

        public int Lines { get; init; }

        public int Lambdas { get; init; }

        public int LocalFunctions { get; init; }

        /// <summary>The largest strongly connected component of the call graph (virtual calls joined to every override), in methods.</summary>
        public int LargestCycle { get; init; }

        /// <summary>Methods that sit in some call cycle of more than one method.</summary>
        public int MethodsInCycles { get; init; }

        /// <summary>Planted bugs by the rule meant to catch them (LL0004 cycles follow from the inversions).</summary>
        public required IReadOnlyDictionary<string, int> Planted { get; init; }
    }

    /// <summary>
    /// Generates a filesystem-flavoured C# codebase annotated for LockLevels. Every method has the
    /// signature <c>int M(Ctx c, int x)</c> so any method can call any other; the call graph follows
    /// depths (d calls d - 1, across types), and every method carries a <em>floor</em>: the rank of
    /// the outermost level it may acquire, itself or through callees. A method holding a level calls
    /// only callees whose floor is below it in the total order the two declared chains extend to, so
    /// the only diagnostics are the planted ones (and the cycles those inversions close).
    /// </summary>
    public sealed class CodebaseGenerator
    {
        // A total order that extends both declared chains:
        //   SbWriters < MmapLock < InvalidateLock < FolioLock         (chain A, ranks 0 2 4 6)
        //   SbWriters < InodeLock < JournalHandle < BufferLock        (chain B, ranks 0 1 3 5)
        private static readonly string[] LevelNames = { "SbWriters", "InodeLock", "MmapLock", "JournalHandle", "InvalidateLock", "BufferLock", "FolioLock" };
        private const int Sb = 0, Inode = 1, Mmap = 2, Journal = 3, Invalidate = 4, Buffer = 5, Folio = 6, NoLevel = 7;

        private static readonly string[] Verbs = { "Read", "Write", "Flush", "Map", "Sync", "Lookup", "Alloc", "Free", "Truncate", "Evict", "Commit", "Scan", "Mark", "Clear", "Fill", "Copy", "Hash", "Count", "Split", "Merge", "Grow", "Shrink", "Probe", "Walk" };
        private static readonly string[] Nouns = { "Page", "Folio", "Block", "Extent", "Inode", "Dentry", "Buffer", "Bio", "Range", "Entry", "Node", "Chunk", "Cluster", "Tree", "Bitmap", "Segment", "Xattr", "Quota", "Dir", "Link" };
        private static readonly string[] TypeSuffixes = { "Cache", "Table", "Manager", "Walker", "Allocator", "Writer", "Reader", "Index", "Map", "Pool" };

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
                subsystemInfo[s] = new SubsystemInfo(s, PickVirtualFloor(), PickVirtualFloor(), PickVirtualFloor(), PickVirtualFloor(), NewVirtualNode);
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
                Files = files,
                Methods = _methods,
                LockMethods = _lockMethods,
                Types = typeCount,
                Subsystems = subsystems,
                Lines = lines,
                Lambdas = _lambdas,
                LocalFunctions = _localFunctions,
                Planted = _planted,
            };
        }

        /// <summary>Tarjan over the generated call graph: the largest component, and how many methods sit in components of two or more.</summary>
        private (int Largest, int InCycles) CycleStatistics()
        {
            int count = _edges.Count, next = 0, largest = 0, inCycles = 0;
            var index = new int[count];
            var low = new int[count];
            var onStack = new bool[count];
            Array.Fill(index, -1);
            var stack = new Stack<int>();
            var work = new Stack<(int Node, int Edge)>();
            for (int root = 0; root < count; root++)
            {
                if (index[root] >= 0)
                {
                    continue;
                }

                work.Push((root, 0));
                index[root] = low[root] = next++;
                stack.Push(root);
                onStack[root] = true;
                while (work.Count > 0)
                {
                    var (node, edge) = work.Pop();
                    if (edge < _edges[node].Count)
                    {
                        work.Push((node, edge + 1));
                        int target = _edges[node][edge];
                        if (index[target] < 0)
                        {
                            index[target] = low[target] = next++;
                            stack.Push(target);
                            onStack[target] = true;
                            work.Push((target, 0));
                        }
                        else if (onStack[target])
                        {
                            low[node] = Math.Min(low[node], index[target]);
                        }

                        continue;
                    }

                    if (work.Count > 0)
                    {
                        int parent = work.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[node]);
                    }

                    if (low[node] == index[node])
                    {
                        int size = 0, member;
                        do
                        {
                            member = stack.Pop();
                            onStack[member] = false;
                            size += _virtualNodes.Contains(member) ? 0 : 1;
                        }
                        while (member != node);

                        largest = Math.Max(largest, size);
                        inCycles += size > 1 ? size : 0;
                    }
                }
            }

            return (largest, inCycles);
        }

        private int PickVirtualFloor() => new[] { Journal, Invalidate, Buffer, Folio, NoLevel, NoLevel }[_rng.Next(6)];

        private T Pick<T>(T a, int wa, T b, int wb, T c, int wc)
        {
            int roll = _rng.Next(wa + wb + wc);
            return roll < wa ? a : roll < wa + wb ? b : c;
        }

        // ---------------------------------------------------------------- types

        private string GenerateType(TypePlan plan, SubsystemInfo subsystem)
        {
            var type = new TypeState(plan, subsystem);
            bool isStatic = plan.Role == Role.Helper;

            // Decide which slots touch locks; the rest are plain.
            var slots = new List<Slot>();
            switch (plan.Role)
            {
                case Role.Node:
                    slots.Add(new Slot(SlotKind.Override, "Flush", subsystem.FlushFloor));
                    slots.Add(new Slot(SlotKind.Override, "Scan", subsystem.ScanFloor));
                    break;
                case Role.Store:
                    slots.Add(new Slot(SlotKind.Implementation, "Put", subsystem.PutFloor));
                    slots.Add(new Slot(SlotKind.Implementation, "Get", subsystem.GetFloor));
                    break;
                case Role.AddressOps:
                    slots.Add(new Slot(SlotKind.WritePages, "WritePages", NoLevel));
                    slots.Add(new Slot(SlotKind.ReadFolio, "ReadFolio", NoLevel));
                    break;
                case Role.BufferOps:
                    slots.Add(new Slot(SlotKind.WriteBlock, "WriteBlock", WriteBlockFloor));
                    break;
            }

            int lockSlots = 0;
            var isLock = new bool[plan.Methods];
            for (int k = 0; k < plan.Methods; k++)
            {
                isLock[k] = _rng.NextDouble() < _options.LockDensity;
                lockSlots += isLock[k] ? 1 : 0;
            }

            // Instance types own locks; some wrap one in an [Acquires]/[Releases] pair.
            if (!isStatic && lockSlots > 0)
            {
                type.OwnSync = _rng.NextDouble() < 0.6;
                type.OwnRwsem = _rng.NextDouble() < 0.5;
                type.OwnInvalidate = _rng.NextDouble() < 0.3;
                if (lockSlots >= 3 && plan.Methods - slots.Count >= 2 && _rng.NextDouble() < 0.5)
                {
                    type.OwnRwsem = true;
                    type.PairNoun = Nouns[_rng.Next(Nouns.Length)];
                    slots.Add(new Slot(SlotKind.AcquiresHelper, "Lock" + type.PairNoun, NoLevel));
                    slots.Add(new Slot(SlotKind.ReleasesHelper, "Unlock" + type.PairNoun, NoLevel));
                }
            }

            while (slots.Count < plan.Methods)
            {
                slots.Add(new Slot(SlotKind.Ordinary, null, Sb));
            }

            slots.RemoveRange(plan.Methods, slots.Count - plan.Methods);
            // Helpers first: the pair must exist before methods use it. Then everything else in a shuffled order.
            var ordered = slots.Where(s => s.Kind is SlotKind.AcquiresHelper or SlotKind.ReleasesHelper).ToList();
            var rest = slots.Where(s => s.Kind is not (SlotKind.AcquiresHelper or SlotKind.ReleasesHelper)).ToList();
            for (int i = rest.Count - 1; i > 0; i--)
            {
                int j = _rng.Next(i + 1);
                (rest[i], rest[j]) = (rest[j], rest[i]);
            }

            ordered.AddRange(rest);
            for (int k = 0; k < ordered.Count; k++)
            {
                ordered[k].TouchesLocks = isLock[k] || ordered[k].Kind is SlotKind.AcquiresHelper or SlotKind.ReleasesHelper;
                if (ordered[k].Kind == SlotKind.WritePages && plan.Buggy)
                {
                    ordered[k].TouchesLocks = true;
                }
            }

            var sb = new StringBuilder();
            sb.Append("using System;\nusing System.Threading;\nusing Fs.Core;\nusing LockLevels;\n\n");
            sb.Append("namespace Fs.S").Append(plan.Subsystem).Append('\n').Append("{\n");
            string header = plan.Role switch
            {
                Role.Helper => $"public static class {plan.Name}",
                Role.Node => $"public sealed class {plan.Name} : NodeBase{plan.Subsystem}",
                Role.Store => $"public sealed class {plan.Name} : IStore{plan.Subsystem}",
                Role.AddressOps => $"public sealed class {plan.Name} : IAddressSpaceOperations",
                _ => $"public sealed class {plan.Name} : IBufferOps",
            };
            sb.Append("    /// <summary>").Append(plan.Role).Append(" of subsystem ").Append(plan.Subsystem).Append(".</summary>\n");
            sb.Append("    ").Append(header).Append("\n    {\n");
            if (!isStatic)
            {
                sb.Append($"        public static readonly {plan.Name} Instance = new {plan.Name}();\n\n");
                if (type.OwnSync)
                {
                    sb.Append("        [Lock(\"BufferLock\")] private readonly object _sync = new object();\n");
                }

                if (type.OwnRwsem)
                {
                    sb.Append("        [Lock(\"InodeLock\")] private readonly SemaphoreSlim _rwsem = new SemaphoreSlim(1, 1);\n");
                }

                if (type.OwnInvalidate)
                {
                    sb.Append("        [Lock(\"InvalidateLock\")] private readonly ReaderWriterLockSlim _inval = new ReaderWriterLockSlim();\n");
                }

                sb.Append("        private int _generation;\n\n");
                sb.Append("        public int Generation\n        {\n            get => _generation;\n            set => _generation = value;\n        }\n\n");
            }

            for (int k = 0; k < ordered.Count; k++)
            {
                if (k > 0)
                {
                    sb.Append('\n');
                }

                GenerateMethod(type, ordered[k], k, sb);
            }

            sb.Append("    }\n}\n");
            return sb.ToString();
        }

        private void GenerateMethod(TypeState type, Slot slot, int index, StringBuilder output)
        {
            _methods++;
            var plan = type.Plan;
            bool isStatic = plan.Role == Role.Helper;
            int depth = _rng.Next(_options.CallDepth + 1);
            string name = slot.Name ?? Verbs[_rng.Next(Verbs.Length)] + Nouns[_rng.Next(Nouns.Length)] + index;
            var body = new Body(type, depth, slot.FloorRequired, name, NewNode());
            int? implemented = slot.Kind switch
            {
                SlotKind.WritePages => _writePagesNode,
                SlotKind.ReadFolio => _readFolioNode,
                SlotKind.WriteBlock => _writeBlockNode,
                SlotKind.Override or SlotKind.Implementation => type.Subsystem.Virtuals.Single(v => v.Name == slot.Name).Node,
                _ => null,
            };
            if (implemented is { } member)
            {
                _edges[member].Add(body.Node);
            }

            switch (slot.Kind)
            {
                case SlotKind.AcquiresHelper:
                    _lockMethods++;
                    output.Append($"        [Acquires(\"InodeLock\")]\n        public void {name}(Ctx c)\n        {{\n");
                    output.Append("            _rwsem.Wait();\n            _generation++;\n        }\n");
                    return;
                case SlotKind.ReleasesHelper:
                    _lockMethods++;
                    output.Append($"        [Releases(\"InodeLock\")]\n        public void {name}(Ctx c)\n        {{\n");
                    output.Append("            _generation--;\n            _rwsem.Release();\n        }\n");
                    return;
            }

            string modifiers = slot.Kind switch
            {
                SlotKind.Override => "public override",
                SlotKind.Ordinary => isStatic ? (_rng.NextDouble() < 0.7 ? "public static" : "internal static") : (_rng.NextDouble() < 0.7 ? "public" : "internal"),
                _ => "public",
            };
            string parameter = slot.Kind switch
            {
                SlotKind.WritePages => "nr",
                SlotKind.ReadFolio => "index",
                SlotKind.WriteBlock => "block",
                _ => "x",
            };
            body.X = parameter;

            body.Line("int acc = " + parameter + " ^ " + _rng.Next(1, 4096) + ";");
            if (slot.Kind == SlotKind.WritePages && plan.Buggy)
            {
                // The seed: cachefiles reaching sb_start_write from ->writepages (LL0002).
                _planted["LL0002"]++;
                body.Line("c.Sb.StartWrite();");
                body.Line("acc += c.Inode.Size > acc ? 1 : 0;");
                body.Line("c.Sb.EndWrite();");
                body.Reach(Sb);
                PlainStatements(body, "acc", 2);
                _lockMethods++;
            }
            else if (slot.TouchesLocks && slot.FloorRequired < NoLevel)
            {
                LockBody(body, slot);
                _lockMethods++;
            }
            else
            {
                PlainBody(body, recursionAllowed: slot.Kind == SlotKind.Ordinary);
            }

            body.Line("return acc;");

            output.Append("        ").Append(modifiers).Append(" int ").Append(name).Append("(Ctx c, int ").Append(parameter).Append(")\n        {\n");
            output.Append(body.Text);
            output.Append("        }\n");
            _edges[body.Node].AddRange(body.Callees);

            if (slot.Kind == SlotKind.Ordinary)
            {
                var reference = new MethodRef(plan, name, isStatic, depth, body.Floor, null, body.Node);
                Register(reference);
            }
        }

        private void Register(MethodRef reference)
        {
            _global[reference.Depth][reference.Floor].Add(reference);
            _bySubsystem[reference.Plan.Subsystem][reference.Depth][reference.Floor].Add(reference);
            if (reference.Floor == Sb)
            {
                _floorZero.Add(reference);
            }
        }

        // ---------------------------------------------------------------- bodies

        private void PlainBody(Body body, bool recursionAllowed)
        {
            if (_rng.NextDouble() < 0.3)
            {
                body.Line($"if ({body.X} < 0)");
                body.Line("{");
                body.Line("    return 0;");
                body.Line("}");
            }

            int statements = _rng.Next(3, 7);
            int calls = body.Depth == 0 ? 0 : _rng.Next(1, 4);
            var callAt = new HashSet<int>();
            for (int i = 0; i < calls; i++)
            {
                callAt.Add(_rng.Next(statements + 1));
            }

            for (int i = 0; i <= statements; i++)
            {
                if (callAt.Contains(i))
                {
                    Call(body, "acc", body.FloorRequired, viaLambda: _rng.NextDouble() < 0.08);
                }

                if (i < statements)
                {
                    PlainStatement(body, "acc");
                }
            }

            if (recursionAllowed && _rng.NextDouble() < 0.03)
            {
                // Self-recursion: a component of one with a loop.
                body.Line($"if ({body.X} > 1)");
                body.Line("{");
                body.Line($"    acc += {body.Name}(c, {body.X} >> 1);");
                body.Line("}");
            }
        }

        private void PlainStatements(Body body, string acc, int count)
        {
            for (int i = 0; i < count; i++)
            {
                PlainStatement(body, acc);
            }
        }

        private void PlainStatement(Body body, string acc)
        {
            int k = _rng.Next(2, 997);
            string noun = Nouns[_rng.Next(Nouns.Length)].ToLowerInvariant();
            switch (_rng.Next(14))
            {
                case 0:
                    body.Line($"{acc} = unchecked({acc} * 31 + {k});");
                    break;
                case 1:
                {
                    string i = body.Fresh("i");
                    body.Line($"for (int {i} = 0; {i} < ({body.X} & 7); {i}++)");
                    body.Line("{");
                    body.Line($"    {acc} += {i} * {k};");
                    body.Line("}");
                    break;
                }
                case 2:
                {
                    string name = body.Fresh("name");
                    body.Line($"var {name} = \"{noun}\" + {acc}.ToString();");
                    body.Line($"{acc} += {name}.Length;");
                    break;
                }
                case 3:
                    body.Line($"if (({acc} & {k}) == 0)");
                    body.Line("{");
                    body.Line($"    {acc} ^= {acc} >> {1 + (k % 7)};");
                    body.Line("}");
                    body.Line("else");
                    body.Line("{");
                    body.Line($"    {acc} += {k};");
                    body.Line("}");
                    break;
                case 4:
                {
                    string parts = body.Fresh("parts");
                    string i = body.Fresh("i");
                    int n = 2 + (k % 14);
                    body.Line($"var {parts} = new int[{n}];");
                    body.Line($"for (int {i} = 0; {i} < {parts}.Length; {i}++)");
                    body.Line("{");
                    body.Line($"    {parts}[{i}] = {acc} + {i};");
                    body.Line("}");
                    body.Line($"{acc} += {parts}[{k % n}];");
                    break;
                }
                case 5:
                {
                    string text = body.Fresh("text");
                    body.Line($"var {text} = new System.Text.StringBuilder();");
                    body.Line($"{text}.Append(\"{noun}\").Append(':').Append({acc});");
                    body.Line($"{acc} += {text}.Length;");
                    break;
                }
                case 6:
                    body.Line($"switch ({acc} & 3)");
                    body.Line("{");
                    body.Line("    case 0:");
                    body.Line($"        {acc} += 1;");
                    body.Line("        break;");
                    body.Line("    case 1:");
                    body.Line($"        {acc} -= {k};");
                    body.Line("        break;");
                    body.Line("    default:");
                    body.Line($"        {acc} ^= {k};");
                    body.Line("        break;");
                    body.Line("}");
                    break;
                case 7:
                {
                    string n = body.Fresh("n");
                    body.Line($"int {n} = {acc} & 0xFFFF;");
                    body.Line($"while ({n} > {k})");
                    body.Line("{");
                    body.Line($"    {n} >>= 1;");
                    body.Line($"    {acc}++;");
                    body.Line("}");
                    break;
                }
                case 8:
                    body.Line("try");
                    body.Line("{");
                    body.Line($"    {acc} = checked({acc} + {k});");
                    body.Line("}");
                    body.Line("catch (OverflowException)");
                    body.Line("{");
                    body.Line($"    {acc} = {k};");
                    body.Line("}");
                    break;
                case 9:
                    body.Line($"{acc} += Math.Max({body.X}, {k}) - Math.Min({acc}, {k});");
                    break;
                case 10:
                {
                    string key = body.Fresh("key");
                    body.Line($"var {key} = string.Concat(\"{noun}\", \"/\", {body.X}.ToString());");
                    body.Line($"if ({key}.StartsWith(\"{noun}\", StringComparison.Ordinal))");
                    body.Line("{");
                    body.Line($"    {acc} += {key}.Length;");
                    body.Line("}");
                    break;
                }
                case 11:
                {
                    string mix = body.Fresh("Mix");
                    string v = body.Fresh("v");
                    _localFunctions++;
                    body.Line($"int {mix}(int {v}) => unchecked({v} * {k} ^ ({v} >> 3));");
                    body.Line($"{acc} = {mix}({acc});");
                    break;
                }
                case 12:
                {
                    string scale = body.Fresh("scale");
                    string v = body.Fresh("v");
                    _lambdas++;
                    body.Line($"Func<int, int> {scale} = {v} => {v} * {k} + {body.X};");
                    body.Line($"{acc} = {scale}({acc});");
                    break;
                }
                default:
                    if (body.Type.Plan.Role != Role.Helper)
                    {
                        body.Line($"_generation += {acc} & 1;");
                    }
                    else
                    {
                        body.Line($"{acc} = (int)((uint){acc} % {k}u);");
                    }

                    break;
            }
        }

        /// <summary>A call to a method at depth - 1 whose floor is at least <paramref name="minFloor"/>; nothing when none exists yet.</summary>
        private void Call(Body body, string acc, int minFloor, bool viaLambda)
        {
            var target = PickCallee(body, minFloor);
            if (target == null)
            {
                return;
            }

            string argument = $"{acc} & 255";
            if (viaLambda)
            {
                string via = body.Fresh("via");
                string v = body.Fresh("v");
                _lambdas++;
                body.Line($"Func<int, int> {via} = {v} => {target.CallFrom(body.Type.Plan, v)};");
                body.Line($"{acc} += {via}({argument});");
            }
            else
            {
                body.Line(_rng.Next(3) == 0 ? $"{acc} ^= {target.CallFrom(body.Type.Plan, argument)};" : $"{acc} += {target.CallFrom(body.Type.Plan, argument)};");
            }

            body.Reach(target.Floor);
            body.Callees.Add(target.Node);
        }

        private MethodRef? PickCallee(Body body, int minFloor)
        {
            if (body.Depth == 0 || minFloor > NoLevel)
            {
                return null;
            }

            // Now and then a virtual or interface call into the subsystem's own hierarchy.
            if (_rng.NextDouble() < 0.1)
            {
                var virtuals = body.Type.Subsystem.Virtuals.Where(v => v.Floor >= minFloor).ToList();
                if (virtuals.Count > 0)
                {
                    return virtuals[_rng.Next(virtuals.Count)];
                }
            }

            var local = _bySubsystem[body.Type.Plan.Subsystem];
            var order = _rng.NextDouble() < 0.75 ? new[] { local, _global } : new[] { _global, local };
            for (int depth = body.Depth - 1; depth >= 0; depth--)
            {
                foreach (var buckets in order)
                {
                    int total = 0;
                    for (int f = minFloor; f <= NoLevel; f++)
                    {
                        total += buckets[depth][f].Count;
                    }

                    if (total == 0)
                    {
                        continue;
                    }

                    int pick = _rng.Next(total);
                    for (int f = minFloor; f <= NoLevel; f++)
                    {
                        if (pick < buckets[depth][f].Count)
                        {
                            return buckets[depth][f][pick];
                        }

                        pick -= buckets[depth][f].Count;
                    }
                }
            }

            return null;
        }

        private void LockBody(Body body, Slot slot)
        {
            bool ordinary = slot.Kind == SlotKind.Ordinary;
            if (ordinary && _rng.NextDouble() < _options.InversionRate)
            {
                PlantedBug(body);
                return;
            }

            PlainStatements(body, "acc", _rng.Next(1, 3));
            Call(body, "acc", body.FloorRequired, viaLambda: false);

            double roll = _rng.NextDouble();
            if (ordinary && roll < 0.04)
            {
                // filemap_write_and_wait: invalidate_lock, the folio lock, then ->writepages.
                body.Line("c.Mapping.InvalidateLock.EnterWriteLock();");
                body.Line("try");
                body.Line("{");
                body.Indent++;
                body.Line("lock (c.Mapping.FolioLock)");
                body.Line("{");
                body.Line("    acc += c.Mapping.Ops.WritePages(c, acc);");
                body.Line("}");
                body.Indent--;
                body.Line("}");
                body.Line("finally");
                body.Line("{");
                body.Line("    c.Mapping.InvalidateLock.ExitWriteLock();");
                body.Line("}");
                body.Reach(Invalidate);
                body.Reach(_writePagesFloor);
                body.Callees.Add(_writePagesNode);
            }
            else if (ordinary && roll < 0.08)
            {
                // A page fault: mmap_lock, the folio lock, then ->read_folio.
                body.Line("c.Mm.MmapLock.Wait();");
                body.Line("try");
                body.Line("{");
                body.Indent++;
                body.Line("lock (c.Mapping.FolioLock)");
                body.Line("{");
                body.Line("    acc += c.Mapping.Ops.ReadFolio(c, acc);");
                body.Line("}");
                body.Indent--;
                body.Line("}");
                body.Line("finally");
                body.Line("{");
                body.Line("    c.Mm.MmapLock.Release();");
                body.Line("}");
                body.Reach(Mmap);
                body.Reach(_readFolioFloor);
                body.Callees.Add(_readFolioNode);
            }
            else if (ordinary && roll < 0.12)
            {
                // A journalled write: a handle, then the buffer operations under it.
                string handle = body.Fresh("handle");
                body.Line($"using (var {handle} = c.Journal.Start(acc & 7))");
                body.Line("{");
                body.Line($"    acc += c.BufferOps.WriteBlock(c, acc) + {handle}.Credits;");
                body.Line("}");
                body.Reach(Journal);
                body.Reach(WriteBlockFloor);
                body.Callees.Add(_writeBlockNode);
            }
            else
            {
                int level = PickLevel(body.FloorRequired);
                double where = _rng.NextDouble();
                if (where < 0.15)
                {
                    // The critical section in a lambda, invoked here with nothing held.
                    string critical = body.Fresh("critical");
                    string v = body.Fresh("v");
                    _lambdas++;
                    body.Line($"Func<int, int> {critical} = {v} =>");
                    body.Line("{");
                    body.Indent++;
                    Acquire(body, level, v, nested: true);
                    body.Line($"return {v};");
                    body.Indent--;
                    body.Line("};");
                    body.Line($"acc = {critical}(acc);");
                }
                else if (where < 0.25)
                {
                    string critical = body.Fresh("Critical");
                    string v = body.Fresh("v");
                    _localFunctions++;
                    body.Line($"acc = {critical}(acc);");
                    body.Line($"int {critical}(int {v})");
                    body.Line("{");
                    body.Indent++;
                    Acquire(body, level, v, nested: true);
                    body.Line($"return {v};");
                    body.Indent--;
                    body.Line("}");
                }
                else
                {
                    Acquire(body, level, "acc", nested: true);
                }
            }

            if (_rng.NextDouble() < 0.15 && body.FloorRequired <= Mmap)
            {
                // Copying from user memory may fault: might_lock(mmap_lock).
                body.Line("Iov.FaultInReadable();");
                body.Reach(Mmap);
            }
            else if (_rng.NextDouble() < 0.1 && body.FloorRequired <= Folio)
            {
                body.Line("acc += Reclaim.ShrinkFolios(acc & 63);");
                body.Reach(Folio);
            }

            PlainStatement(body, "acc");
        }

        private int PickLevel(int minFloor)
        {
            if (minFloor >= NoLevel)
            {
                throw new InvalidOperationException("no level can be taken at floor " + minFloor);
            }

            return minFloor + _rng.Next(NoLevel - minFloor);
        }

        /// <summary>Takes <paramref name="level"/> around a critical section that calls only what is inner to it.</summary>
        private void Acquire(Body body, int level, string acc, bool nested)
        {
            body.Reach(level);
            Action inner = () =>
            {
                PlainStatement(body, acc);
                int calls = _rng.Next(0, 3);
                for (int i = 0; i < calls; i++)
                {
                    Call(body, acc, level + 1, viaLambda: false);
                }

                if (nested && level + 1 < NoLevel && _rng.NextDouble() < 0.25)
                {
                    Acquire(body, level + 1 + _rng.Next(NoLevel - level - 1), acc, nested: false);
                }
            };

            AcquireForm(body, level, acc, inner);
        }

        private void AcquireForm(Body body, int level, string acc, Action inner)
        {
            var type = body.Type;
            int form = _rng.Next(3);
            switch (level)
            {
                case Sb:
                    if (form == 0)
                    {
                        TryFinally(body, "c.Sb.StartWrite();", inner, "c.Sb.EndWrite();");
                    }
                    else
                    {
                        Block(body, "using (c.Sb.StartWriteScope())", inner);
                    }

                    break;
                case Inode:
                    if (form == 0 && type.PairNoun != null)
                    {
                        TryFinally(body, $"Lock{type.PairNoun}(c);", inner, $"Unlock{type.PairNoun}(c);");
                    }
                    else if (form == 1 && type.OwnRwsem)
                    {
                        TryFinally(body, "_rwsem.Wait();", inner, "_rwsem.Release();");
                    }
                    else
                    {
                        TryFinally(body, "c.Inode.Rwsem.Wait();", inner, "c.Inode.Rwsem.Release();");
                    }

                    break;
                case Mmap:
                    if (form == 0)
                    {
                        body.Line("if (c.Mm.MmapLock.Wait(50))");
                        body.Line("{");
                        body.Indent++;
                        TryFinally(body, null, inner, "c.Mm.MmapLock.Release();");
                        body.Indent--;
                        body.Line("}");
                    }
                    else
                    {
                        TryFinally(body, "c.Mm.MmapLock.Wait();", inner, "c.Mm.MmapLock.Release();");
                    }

                    break;
                case Journal:
                    if (form == 0)
                    {
                        TryFinally(body, "c.Journal.Begin();", inner, "c.Journal.Stop();");
                    }
                    else
                    {
                        string handle = body.Fresh("handle");
                        Block(body, $"using (var {handle} = c.Journal.Start({acc} & 7))", () =>
                        {
                            inner();
                            body.Line($"{acc} += {handle}.Credits;");
                        });
                    }

                    break;
                case Invalidate:
                    if (form == 0 && type.OwnInvalidate)
                    {
                        TryFinally(body, "_inval.EnterReadLock();", inner, "_inval.ExitReadLock();");
                    }
                    else if (form == 1)
                    {
                        TryFinally(body, "c.Mapping.InvalidateLock.EnterWriteLock();", inner, "c.Mapping.InvalidateLock.ExitWriteLock();");
                    }
                    else
                    {
                        TryFinally(body, "c.Mapping.InvalidateLock.EnterReadLock();", inner, "c.Mapping.InvalidateLock.ExitReadLock();");
                    }

                    break;
                case Buffer:
                    if (form == 0 && type.OwnSync)
                    {
                        Block(body, "lock (_sync)", inner);
                    }
                    else if (form == 1)
                    {
                        Block(body, "lock (c.Bh.Gate)", inner);
                    }
                    else
                    {
                        Block(body, "lock (c.Bh.Sync)", inner);
                    }

                    break;
                case Folio:
                    if (form == 0)
                    {
                        string taken = body.Fresh("taken");
                        body.Line($"bool {taken} = false;");
                        body.Line("try");
                        body.Line("{");
                        body.Indent++;
                        body.Line($"Monitor.Enter(c.Mapping.FolioLock, ref {taken});");
                        inner();
                        body.Indent--;
                        body.Line("}");
                        body.Line("finally");
                        body.Line("{");
                        body.Line($"    if ({taken})");
                        body.Line("    {");
                        body.Line("        Monitor.Exit(c.Mapping.FolioLock);");
                        body.Line("    }");
                        body.Line("}");
                    }
                    else if (form == 1)
                    {
                        TryFinally(body, "Monitor.Enter(c.Mapping.FolioLock);", inner, "Monitor.Exit(c.Mapping.FolioLock);");
                    }
                    else
                    {
                        Block(body, "lock (c.Mapping.FolioLock)", inner);
                    }

                    break;
                default:
                    throw new InvalidOperationException("level " + level);
            }
        }

        private static void TryFinally(Body body, string? before, Action inner, string release)
        {
            if (before != null)
            {
                body.Line(before);
            }

            body.Line("try");
            body.Line("{");
            body.Indent++;
            inner();
            body.Indent--;
            body.Line("}");
            body.Line("finally");
            body.Line("{");
            body.Line("    " + release);
            body.Line("}");
        }

        private static void Block(Body body, string head, Action inner)
        {
            body.Line(head);
            body.Line("{");
            body.Indent++;
            inner();
            body.Indent--;
            body.Line("}");
        }

        /// <summary>One of the bugs the analyzers exist for, in rotation so every kind shows up.</summary>
        private void PlantedBug(Body body)
        {
            PlainStatement(body, "acc");
            switch (_plantCycle++ % 4)
            {
                case 0:
                    // LL0001: the folio lock, then mmap_lock under it.
                    _planted["LL0001"]++;
                    Block(body, "lock (c.Mapping.FolioLock)", () =>
                    {
                        body.Line("c.Mm.MmapLock.Wait();");
                        body.Line("acc += c.Inode.Size > 0 ? 1 : 2;");
                        body.Line("c.Mm.MmapLock.Release();");
                    });
                    body.Reach(Folio);
                    body.Reach(Mmap);
                    break;
                case 1:
                {
                    // LL0003: under the buffer lock, a call whose callees reach sb_writers.
                    var callee = _floorZero.Count == 0 ? null : _floorZero[_rng.Next(_floorZero.Count)];
                    if (callee == null)
                    {
                        goto case 0;
                    }

                    _planted["LL0003"]++;
                    Block(body, "lock (c.Bh.Sync)", () => body.Line($"acc += {callee.CallFrom(body.Type.Plan, "acc & 255")};"));
                    body.Reach(Buffer);
                    body.Reach(Sb);
                    body.Callees.Add(callee.Node);
                    break;
                }
                case 2:
                    // LL0005: an early return with the buffer lock still held.
                    _planted["LL0005"]++;
                    body.Line("Monitor.Enter(c.Bh.Sync);");
                    body.Line($"if ({body.X} < 0)");
                    body.Line("{");
                    body.Line("    return -1;");
                    body.Line("}");
                    body.Line("acc += 3;");
                    body.Line("Monitor.Exit(c.Bh.Sync);");
                    body.Reach(Buffer);
                    break;
                default:
                    // LL0006: ->writepages called without invalidate_lock and the folio lock.
                    _planted["LL0006"]++;
                    body.Line("acc += c.Mapping.Ops.WritePages(c, acc);");
                    body.Reach(_writePagesFloor);
                    body.Callees.Add(_writePagesNode);
                    break;
            }

            PlainStatement(body, "acc");
        }

        // ---------------------------------------------------------------- fixed sources

        private static string SubsystemSource(SubsystemInfo s) => $$"""
            using System;
            using Fs.Core;

            namespace Fs.S{{s.Index}}
            {
                /// <summary>The subsystem's node hierarchy: overrides may take levels from {{Name(s.FlushFloor)}} / {{Name(s.ScanFloor)}} inward.</summary>
                public abstract class NodeBase{{s.Index}}
                {
                    public static readonly NodeBase{{s.Index}}[] Registry = new NodeBase{{s.Index}}[16];

                    public virtual int Flush(Ctx c, int x) => x + {{s.Index}};

                    public abstract int Scan(Ctx c, int x);
                }

                /// <summary>The subsystem's store interface.</summary>
                public interface IStore{{s.Index}}
                {
                    int Put(Ctx c, int x);

                    int Get(Ctx c, int x);
                }

                public static class Stores{{s.Index}}
                {
                    public static readonly IStore{{s.Index}}[] All = new IStore{{s.Index}}[8];
                }
            }

            """;

        private static string Name(int level) => level >= NoLevel ? "none" : LevelNames[level];

        private const string CoreSource = """
            using System;
            using System.Threading;
            using LockLevels;

            [assembly: LockHierarchy("SbWriters", "MmapLock", "InvalidateLock", "FolioLock")]
            [assembly: LockHierarchy("SbWriters", "InodeLock", "JournalHandle", "BufferLock")]

            namespace Fs.Core
            {
                /// <summary>The superblock: sb_start_write and sb_end_write.</summary>
                public sealed class SuperBlock
                {
                    private int _writers;

                    public int Writers => Volatile.Read(ref _writers);

                    [Acquires("SbWriters", Shared = true)]
                    public void StartWrite() => Interlocked.Increment(ref _writers);

                    [Releases("SbWriters")]
                    public void EndWrite() => Interlocked.Decrement(ref _writers);

                    [Acquires("SbWriters", Shared = true)]
                    public IDisposable StartWriteScope()
                    {
                        Interlocked.Increment(ref _writers);
                        return new WriteScope(this);
                    }

                    private sealed class WriteScope : IDisposable
                    {
                        private SuperBlock? _sb;

                        public WriteScope(SuperBlock sb) => _sb = sb;

                        public void Dispose()
                        {
                            var sb = Interlocked.Exchange(ref _sb, null);
                            if (sb != null)
                            {
                                Interlocked.Decrement(ref sb._writers);
                            }
                        }
                    }
                }

                public sealed class MmStruct
                {
                    [Lock("MmapLock")] public readonly SemaphoreSlim MmapLock = new SemaphoreSlim(1, 1);
                }

                public sealed class AddressSpace
                {
                    [Lock("InvalidateLock")] public readonly ReaderWriterLockSlim InvalidateLock = new ReaderWriterLockSlim();
                    [Lock("FolioLock")] public readonly object FolioLock = new object();

                    public IAddressSpaceOperations Ops { get; set; } = NoOps.Instance;
                }

                public sealed class Inode
                {
                    [Lock("InodeLock")] public readonly SemaphoreSlim Rwsem = new SemaphoreSlim(1, 1);

                    public long Size { get; set; }
                }

                /// <summary>jbd2: a handle is held from start to stop.</summary>
                public sealed class Journal
                {
                    private int _running;

                    [Acquires("JournalHandle")]
                    public JournalHandle Start(int credits)
                    {
                        Interlocked.Increment(ref _running);
                        return new JournalHandle(this, credits);
                    }

                    [Acquires("JournalHandle")]
                    public void Begin() => Interlocked.Increment(ref _running);

                    [Releases("JournalHandle")]
                    public void Stop() => Interlocked.Decrement(ref _running);

                    internal void End() => Interlocked.Decrement(ref _running);
                }

                public sealed class JournalHandle : IDisposable
                {
                    private readonly Journal _journal;

                    public JournalHandle(Journal journal, int credits)
                    {
                        _journal = journal;
                        Credits = credits;
                    }

                    public int Credits { get; }

                    public void Dispose() => _journal.End();
                }

                public sealed class BufferHead
                {
                    [Lock("BufferLock")] public readonly object Sync = new object();
                    [Lock("BufferLock")] public readonly System.Threading.Lock Gate = new System.Threading.Lock();
                }

                /// <summary>Everything a filesystem call can reach.</summary>
                public sealed class Ctx
                {
                    public Ctx(SuperBlock sb, MmStruct mm, AddressSpace mapping, Inode inode, Journal journal, BufferHead bh, IBufferOps bufferOps)
                    {
                        Sb = sb;
                        Mm = mm;
                        Mapping = mapping;
                        Inode = inode;
                        Journal = journal;
                        Bh = bh;
                        BufferOps = bufferOps;
                    }

                    public SuperBlock Sb { get; }
                    public MmStruct Mm { get; }
                    public AddressSpace Mapping { get; }
                    public Inode Inode { get; }
                    public Journal Journal { get; }
                    public BufferHead Bh { get; }
                    public IBufferOps BufferOps { get; }
                }

                public interface IAddressSpaceOperations
                {
                    [CalledWithLocksHeld("InvalidateLock", "FolioLock")] int WritePages(Ctx c, int nr);

                    [CalledWithLocksHeld("MmapLock", "FolioLock")] int ReadFolio(Ctx c, int index);
                }

                public interface IBufferOps
                {
                    [CalledWithLocksHeld("JournalHandle")] int WriteBlock(Ctx c, int block);
                }

                public sealed class NoOps : IAddressSpaceOperations
                {
                    public static readonly NoOps Instance = new NoOps();

                    public int WritePages(Ctx c, int nr) => nr;

                    public int ReadFolio(Ctx c, int index) => index;
                }

                public static class Iov
                {
                    [MightAcquire("MmapLock")]
                    public static void FaultInReadable()
                    {
                    }
                }

                public static class Reclaim
                {
                    [MightAcquire("FolioLock")]
                    public static int ShrinkFolios(int nr) => nr / 2;
                }
            }

            """;

        // ---------------------------------------------------------------- model

        private enum Role
        {
            Helper,
            Node,
            Store,
            AddressOps,
            BufferOps,
        }

        private enum SlotKind
        {
            Ordinary,
            Override,
            Implementation,
            WritePages,
            ReadFolio,
            WriteBlock,
            AcquiresHelper,
            ReleasesHelper,
        }

        private sealed record TypePlan(int Index, int Subsystem, Role Role, bool Buggy, int Methods, string Name)
        {
            public string FullName => $"global::Fs.S{Subsystem}.{Name}";
        }

        private sealed class Slot
        {
            public Slot(SlotKind kind, string? name, int floorRequired)
            {
                Kind = kind;
                Name = name;
                FloorRequired = floorRequired;
            }

            public SlotKind Kind { get; }

            public string? Name { get; }

            /// <summary>The outermost rank the body may reach: an override's or implementation's declared floor, or SbWriters (anything) for ordinary methods.</summary>
            public int FloorRequired { get; }

            public bool TouchesLocks { get; set; }
        }

        private sealed class SubsystemInfo
        {
            public SubsystemInfo(int index, int flush, int scan, int put, int get, Func<int> newNode)
            {
                Index = index;
                FlushFloor = flush;
                ScanFloor = scan;
                PutFloor = put;
                GetFloor = get;
                Virtuals = new[]
                {
                    new MethodRef(null, "Flush", false, 0, flush, $"global::Fs.S{index}.NodeBase{index}.Registry[{{0}} & 15].Flush(c, {{0}})", newNode()),
                    new MethodRef(null, "Scan", false, 0, scan, $"global::Fs.S{index}.NodeBase{index}.Registry[{{0}} & 15].Scan(c, {{0}})", newNode()),
                    new MethodRef(null, "Put", false, 0, put, $"global::Fs.S{index}.Stores{index}.All[{{0}} & 7].Put(c, {{0}})", newNode()),
                    new MethodRef(null, "Get", false, 0, get, $"global::Fs.S{index}.Stores{index}.All[{{0}} & 7].Get(c, {{0}})", newNode()),
                };
            }

            public int Index { get; }
            public int FlushFloor { get; }
            public int ScanFloor { get; }
            public int PutFloor { get; }
            public int GetFloor { get; }
            public MethodRef[] Virtuals { get; }
        }

        private sealed class TypeState
        {
            public TypeState(TypePlan plan, SubsystemInfo subsystem)
            {
                Plan = plan;
                Subsystem = subsystem;
            }

            public TypePlan Plan { get; }
            public SubsystemInfo Subsystem { get; }
            public bool OwnSync { get; set; }
            public bool OwnRwsem { get; set; }
            public bool OwnInvalidate { get; set; }
            public string? PairNoun { get; set; }
        }

        /// <summary>A callable method: a direct one (static, or through the type's Instance) or a virtual/interface slot.</summary>
        private sealed class MethodRef
        {
            private readonly string? _template;

            public MethodRef(TypePlan? plan, string name, bool isStatic, int depth, int floor, string? template, int node)
            {
                Node = node;
                Plan = plan!;
                Name = name;
                IsStatic = isStatic;
                Depth = depth;
                Floor = floor;
                _template = template;
            }

            public TypePlan Plan { get; }
            public string Name { get; }
            public int Node { get; }
            public bool IsStatic { get; }
            public int Depth { get; }

            /// <summary>The rank of the outermost level the method may acquire, transitively; 7 for none.</summary>
            public int Floor { get; }

            public string CallFrom(TypePlan caller, string argument)
            {
                if (_template != null)
                {
                    return string.Format(System.Globalization.CultureInfo.InvariantCulture, _template, "(" + argument + ")");
                }

                if (caller.Index == Plan.Index)
                {
                    return $"{Name}(c, {argument})";
                }

                return IsStatic ? $"{Plan.FullName}.{Name}(c, {argument})" : $"{Plan.FullName}.Instance.{Name}(c, {argument})";
            }
        }

        /// <summary>One method body being written: its lines, fresh local names and the floor it reaches.</summary>
        private sealed class Body
        {
            private readonly StringBuilder _text = new();
            private int _fresh;

            public Body(TypeState type, int depth, int floorRequired, string name, int node)
            {
                Node = node;
                Type = type;
                Depth = depth;
                FloorRequired = floorRequired;
                Name = name;
            }

            public TypeState Type { get; }
            public int Node { get; }

            /// <summary>Call-graph edges out of this body (lambdas and local functions count as the method's own).</summary>
            public List<int> Callees { get; } = new();
            public int Depth { get; }
            public int FloorRequired { get; }
            public string Name { get; }
            public string X { get; set; } = "x";
            public int Indent { get; set; }

            /// <summary>The outermost rank acquired so far, itself or through callees.</summary>
            public int Floor { get; private set; } = NoLevel;

            public string Text => _text.ToString();

            public void Reach(int level) => Floor = Math.Min(Floor, level);

            public string Fresh(string stem) => stem + (++_fresh).ToString(System.Globalization.CultureInfo.InvariantCulture);

            public void Line(string line) => _text.Append(' ', 12 + 4 * Indent).Append(line).Append('\n');
        }
    }
}
