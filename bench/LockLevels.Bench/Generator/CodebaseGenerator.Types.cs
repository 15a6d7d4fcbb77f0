using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>Types and method signatures: roles, slots, lock fields, and which methods touch locks.</summary>
    public sealed partial class CodebaseGenerator
    {
        private string GenerateType(TypePlan plan, SubsystemInfo subsystem)
        {
            var type = new TypeState(plan, subsystem);
            bool isStatic = plan.Role == Role.Helper;

            // Decide which slots touch locks; the rest are plain.
            var slots = new List<Slot>();
            switch (plan.Role)
            {
                case Role.Node:
                    slots.Add(new Slot(SlotKind.Override, "Flush" + subsystem.Suffix, subsystem.FlushFloor));
                    slots.Add(new Slot(SlotKind.Override, "Scan" + subsystem.Suffix, subsystem.ScanFloor));
                    break;
                case Role.Store:
                    slots.Add(new Slot(SlotKind.Implementation, "Put" + subsystem.Suffix, subsystem.PutFloor));
                    slots.Add(new Slot(SlotKind.Implementation, "Get" + subsystem.Suffix, subsystem.GetFloor));
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
            string name = slot.Name ?? (Sparse
                ? Verbs[_rng.Next(Verbs.Length)] + Nouns[_rng.Next(Nouns.Length)] + plan.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + index
                : Verbs[_rng.Next(Verbs.Length)] + Nouns[_rng.Next(Nouns.Length)] + index);
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
    }
}
