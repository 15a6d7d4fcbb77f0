using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LockLevels.Bench
{
    /// <summary>The generator's plan: roles, slots, subsystems, method references and bodies being written.</summary>
    public sealed partial class CodebaseGenerator
    {
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
            public SubsystemInfo(int index, int flush, int scan, int put, int get, Func<int> newNode, string suffix)
            {
                Index = index;
                Suffix = suffix;
                FlushFloor = flush;
                ScanFloor = scan;
                PutFloor = put;
                GetFloor = get;
                Virtuals = new[]
                {
                    new MethodRef(null, "Flush" + suffix, false, 0, flush, $"global::Fs.S{index}.NodeBase{index}.Registry[{{0}} & 15].Flush{suffix}(c, {{0}})", newNode()),
                    new MethodRef(null, "Scan" + suffix, false, 0, scan, $"global::Fs.S{index}.NodeBase{index}.Registry[{{0}} & 15].Scan{suffix}(c, {{0}})", newNode()),
                    new MethodRef(null, "Put" + suffix, false, 0, put, $"global::Fs.S{index}.Stores{index}.All[{{0}} & 7].Put{suffix}(c, {{0}})", newNode()),
                    new MethodRef(null, "Get" + suffix, false, 0, get, $"global::Fs.S{index}.Stores{index}.All[{{0}} & 7].Get{suffix}(c, {{0}})", newNode()),
                };
            }

            public int Index { get; }
            /// <summary>Appended to the virtual members' names: empty in the dense shape, the subsystem's index in the sparse one.</summary>
            public string Suffix { get; }

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
