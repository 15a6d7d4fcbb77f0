using System;

namespace LockLevels.Analyzers.Model
{
    /// <summary>What a lock object's name in a method starts from, which decides whether its callers can name it.</summary>
    public enum ObjectRoot
    {
        /// <summary>Not named.</summary>
        None,

        /// <summary>"this", "this._f": a caller names it from the call's receiver.</summary>
        This,

        /// <summary>"static:T._f": every method names it alike.</summary>
        Static,

        /// <summary>"param:p", "local:l": only the method (and its lambdas and local functions) can name it.</summary>
        Local,
    }

    /// <summary>The receiver of a call as the caller names it (<see cref="ObjectRoot"/>), or the caller's own names (a lambda or local function).</summary>
    public enum ReceiverRoot
    {
        Unnamed,
        This,
        Static,
        Local,

        /// <summary>A lambda or local function: it names objects as the caller does.</summary>
        Captured,
    }

    /// <summary>
    /// For one level of a summary, the paths that may take it again on an object the summarised method can name,
    /// by what that name starts from: whether there is one that does not give the caller's hold back first, and
    /// the bool parameter (ordinal, value) all of them need. A retaking needs both objects named, so a path whose
    /// object a caller cannot name (a lock of a parameter, seen through a call on <c>this</c>) says nothing there:
    /// <c>Recover(held: true)</c> retakes nothing when its paths on this object all need <c>held == false</c>, even
    /// if a path through <c>queue.Recover(channel)</c> reaches the level on some other object unguarded.
    /// </summary>
    public readonly struct RetakePaths : IEquatable<RetakePaths>
    {
        private static readonly (int Ordinal, bool Value) Unguarded = (-1, false);

        private readonly Slot _this;
        private readonly Slot _static;
        private readonly Slot _local;

        private RetakePaths(Slot @this, Slot @static, Slot local)
        {
            _this = @this;
            _static = @static;
            _local = local;
        }

        /// <summary>No path that may retake.</summary>
        public static RetakePaths None => default;

        /// <summary>One acquisition in the method's body, on an object named from <paramref name="root"/>, under <paramref name="guard"/>.</summary>
        public static RetakePaths Direct(ObjectRoot root, (int Ordinal, bool Value) guard)
        {
            var slot = new Slot(true, guard);
            return root switch
            {
                ObjectRoot.This => new RetakePaths(slot, default, default),
                ObjectRoot.Static => new RetakePaths(default, slot, default),
                ObjectRoot.Local => new RetakePaths(default, default, slot),
                _ => None,
            };
        }

        /// <summary>Whether some path may retake an object a call on <paramref name="receiver"/> lets its caller name.</summary>
        public bool Any(ReceiverRoot receiver) => Seen(receiver).Any;

        /// <summary>The parameter those paths all need, in the callee's ordinals; ordinal -1 when none or unguarded.</summary>
        public (int Ordinal, bool Value) Guard(ReceiverRoot receiver) => Seen(receiver).Guard;

        /// <summary>The same paths as the caller of a call on <paramref name="receiver"/> sees them, with guards in its ordinals.</summary>
        public RetakePaths Through(ReceiverRoot receiver, FlagArguments flags, (int Ordinal, bool Value) callGuard)
        {
            var @this = Slot.None;
            var @static = _static;
            var local = Slot.None;
            switch (receiver)
            {
                case ReceiverRoot.This:
                    @this = _this;
                    break;
                case ReceiverRoot.Static:
                    @static = @static.Join(_this);
                    break;
                case ReceiverRoot.Local:
                    local = _this;
                    break;
                case ReceiverRoot.Captured:
                    @this = _this;
                    local = _local;
                    break;
            }

            return new RetakePaths(@this.AtCaller(flags, callGuard), @static.AtCaller(flags, callGuard), local.AtCaller(flags, callGuard));
        }

        public RetakePaths Join(RetakePaths other) => new(_this.Join(other._this), _static.Join(other._static), _local.Join(other._local));

        public bool Equals(RetakePaths other) => _this.Equals(other._this) && _static.Equals(other._static) && _local.Equals(other._local);

        public override bool Equals(object? obj) => obj is RetakePaths other && Equals(other);

        public override int GetHashCode() => (_this.GetHashCode() * 31 + _static.GetHashCode()) * 31 + _local.GetHashCode();

        private Slot Seen(ReceiverRoot receiver)
            => receiver switch
            {
                ReceiverRoot.Unnamed => _static,
                ReceiverRoot.Captured => _static.Join(_this).Join(_local),
                _ => _static.Join(_this),
            };

        private readonly struct Slot : IEquatable<Slot>
        {
            public static readonly Slot None = default;

            private readonly (int Ordinal, bool Value) _guard;

            public Slot(bool any, (int Ordinal, bool Value) guard)
            {
                Any = any;
                _guard = guard;
            }

            public bool Any { get; }

            public (int Ordinal, bool Value) Guard => Any ? _guard : Unguarded;

            public Slot Join(Slot other)
                => !Any ? other : !other.Any ? this : new Slot(true, Guard.Equals(other.Guard) ? Guard : Unguarded);

            public Slot AtCaller(FlagArguments flags, (int Ordinal, bool Value) callGuard)
                => Any ? new Slot(true, flags.CallerGuard(callGuard, Guard)) : this;

            public bool Equals(Slot other) => Any == other.Any && (!Any || _guard.Equals(other._guard));

            public override bool Equals(object? obj) => obj is Slot other && Equals(other);

            public override int GetHashCode() => Any ? _guard.GetHashCode() : 0;
        }
    }
}
