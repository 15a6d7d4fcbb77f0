using LockLevels.Analyzers.Annotations;
using LockLevels.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockLevels.Analyzers.Flow
{
    /// <summary>How a lock behaves when the thread holding it takes it again.</summary>
    internal enum Reentrancy
    {
        /// <summary>Not known from source (a semaphore's count or a policy computed at run time): nothing is said.</summary>
        Unknown,

        /// <summary>Monitor, System.Threading.Lock, a level declared [RecursiveLevels].</summary>
        Reentrant,

        /// <summary>A SemaphoreSlim created with an initial or maximum count of 1: a second wait waits for itself.</summary>
        SingleSlotSemaphore,

        /// <summary>An annotated level not declared [RecursiveLevels]: its lock may queue a second acquisition behind a waiting writer.</summary>
        NonRecursiveLevel,

        /// <summary>A ReaderWriterLockSlim with LockRecursionPolicy.NoRecursion: only an upgradeable holder may enter again (read or write).</summary>
        ReaderWriterNoRecursion,

        /// <summary>A ReaderWriterLockSlim with LockRecursionPolicy.SupportsRecursion: only a reader may not upgrade.</summary>
        ReaderWriterSupportsRecursion,
    }

    /// <summary>
    /// Which object a lock event takes, as far as the body can tell, and how that lock behaves when taken
    /// again. <see cref="Path"/> names the lock object within the body (see <see cref="ObjectPaths"/>):
    /// two events with the same path take the same object.
    /// </summary>
    internal sealed class LockObject
    {
        public LockObject(string? path, string? owner, Reentrancy reentrancy, KeyOrder? keyOrder = null, bool ownersOwn = false)
        {
            OwnersOwn = ownersOwn;
            Path = path;
            Owner = owner;
            Reentrancy = reentrancy;
            KeyOrder = keyOrder;
        }

        /// <summary>The lock object ("this._sync", "param:other._sync", "this" for lock (this) or this.StartWrite()); null when unknown.</summary>
        public string? Path { get; }

        /// <summary>The object the lock belongs to, as messages and [LockNesting] name it: the receiver of a lock field, the locked object itself, or the receiver of an [Acquires] call.</summary>
        public string? Owner { get; }

        public Reentrancy Reentrancy { get; }

        /// <summary>
        /// The lock object is its owner (<c>lock (this)</c>) or one the owner creates itself and keeps where nobody
        /// else can put another (<c>_sync = new()</c>): nobody else can hold it before the owner is out.
        /// </summary>
        public bool OwnersOwn { get; }

        /// <summary>The lock object's local was chosen between two objects by a condition (ordered by a key).</summary>
        public KeyOrder? KeyOrder { get; }

        /// <summary>
        /// The object locked, and how it behaves when taken again: Monitor and Lock are re-entrant; a
        /// SemaphoreSlim or ReaderWriterLockSlim as its creation says; an annotated level whose lock says
        /// nothing, as the level is declared.
        /// </summary>
        public static LockObject Of(CompilationIndex compilation, IOperation resolved, ISymbol? member, string? level)
        {
            var type = resolved.Type?.OriginalDefinition;
            var reentrancy = Reentrancy.Reentrant;
            if (SymbolEqualityComparer.Default.Equals(type, compilation.Symbols.SemaphoreSlim))
            {
                reentrancy = member != null && compilation.Reentry.HasOneSlot(member) == true ? Reentrancy.SingleSlotSemaphore : Reentrancy.Unknown;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, compilation.Symbols.ReaderWriterLockSlim))
            {
                reentrancy = (member == null ? null : compilation.Reentry.SupportsRecursion(member)) switch
                {
                    true => Reentrancy.ReaderWriterSupportsRecursion,
                    false => Reentrancy.ReaderWriterNoRecursion,
                    null => Reentrancy.Unknown,
                };
            }

            if (reentrancy == Reentrancy.Unknown && level != null)
            {
                reentrancy = LevelReentrancy(compilation, level);
            }

            var owner = member == null ? ObjectPaths.Of(resolved)
                : resolved switch
                {
                    IFieldReferenceOperation field => ObjectPaths.Of(field.Instance),
                    IPropertyReferenceOperation property => ObjectPaths.Of(property.Instance),
                    _ => null,
                };
            bool ownersOwn = member == null ? resolved is IInstanceReferenceOperation : compilation.IsCreatedByItsObject(member);
            return new LockObject(ObjectPaths.Of(resolved), owner, reentrancy, Flow.KeyOrder.Of(resolved), ownersOwn);
        }

        public static Reentrancy LevelReentrancy(CompilationIndex compilation, string level) => compilation.Reentry.IsRecursive(level) ? Reentrancy.Reentrant : Reentrancy.NonRecursiveLevel;

        /// <summary>A level taken by an [Acquires] method: the object is the call's receiver.</summary>
        public static LockObject OfLevel(CompilationIndex compilation, string level, string? receiver) => new LockObject(receiver, receiver, LevelReentrancy(compilation, level));

        /// <summary>The same lock seen from a caller that reaches it through a call on <paramref name="receiver"/>.</summary>
        public LockObject SeenThrough(string? receiver)
            => new LockObject(ObjectPaths.Translate(Path, receiver), ObjectPaths.Translate(Owner, receiver), Reentrancy,
                receiver == ObjectPaths.Captured ? KeyOrder : null, OwnersOwn);
    }

    /// <summary>
    /// Names objects within a body so that equal names mean the same object (as long as parameters and
    /// locals are not reassigned): "this", "this._f", "param:p", "param:p._f", "local:l", "static:T._f".
    /// Anything else (an element, a call's result) has no name.
    /// </summary>
    internal static class ObjectPaths
    {
        public const string This = "this";

        /// <summary>The most member steps a name may have: a lock field of a field of the root (this._child._sync).</summary>
        public const int MaxMembers = 2;

        /// <summary>The receiver of a call to a lambda or local function: it names objects as its enclosing body does.</summary>
        public const string Captured = "captured";

        public static string? Of(IOperation? operation)
        {
            if (operation == null)
            {
                return null;
            }

            operation = ValueResolver.StripConversions(operation);
            return operation switch
            {
                IInstanceReferenceOperation => This,
                IParameterReferenceOperation parameter => "param:" + parameter.Parameter.Name,
                ILocalReferenceOperation local => "local:" + local.Local.Name,
                IFieldReferenceOperation { Field.IsStatic: true } field => "static:" + Names.Member(field.Field.OriginalDefinition),
                IFieldReferenceOperation field => Member(Of(field.Instance), field.Field.Name),
                IPropertyReferenceOperation { Property.IsIndexer: false, Property.IsStatic: true } property => "static:" + Names.Member(property.Property.OriginalDefinition),
                IPropertyReferenceOperation { Property.IsIndexer: false } property => Member(Of(property.Instance), property.Property.Name),
                ITypeOfOperation typeOf => "static:typeof(" + Names.Type(typeOf.TypeOperand) + ")",
                _ => null,
            };
        }

        /// <summary>The object a call's callee sees as "this": its receiver; a lambda's or local function's is the caller's own.</summary>
        public static string? ReceiverOf(IOperation call, IMethodSymbol target, System.Func<IOperation, IOperation> resolve)
        {
            if (target.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return Captured;
            }

            return call switch
            {
                IInvocationOperation { Instance: { } instance } when target.MethodKind != MethodKind.DelegateInvoke => Of(resolve(instance)),
                IPropertyReferenceOperation { Instance: { } instance } => Of(resolve(instance)),
                _ => null,
            };
        }

        /// <summary>What a name starts from (<see cref="Translate"/> keeps a name through a call by it).</summary>
        public static ObjectRoot RootOf(string? path)
            => path == null ? ObjectRoot.None
                : path == This || path.StartsWith("this.", System.StringComparison.Ordinal) ? ObjectRoot.This
                : path.StartsWith("static:", System.StringComparison.Ordinal) ? ObjectRoot.Static
                : ObjectRoot.Local;

        /// <summary>What a call's receiver, as the caller names it, starts from.</summary>
        public static ReceiverRoot ReceiverRootOf(string? receiver)
            => receiver == Captured ? ReceiverRoot.Captured
                : RootOf(receiver) switch
                {
                    ObjectRoot.This => ReceiverRoot.This,
                    ObjectRoot.Static => ReceiverRoot.Static,
                    ObjectRoot.Local => ReceiverRoot.Local,
                    _ => ReceiverRoot.Unnamed,
                };

        /// <summary>A callee's name for an object, as its caller names it, when the callee's "this" is <paramref name="receiver"/>; null when the caller cannot name it.</summary>
        public static string? Translate(string? path, string? receiver)
        {
            if (path == null)
            {
                return null;
            }

            if (receiver == Captured || path.StartsWith("static:", System.StringComparison.Ordinal))
            {
                return path;
            }

            if (receiver != null && (path == This || path.StartsWith("this.", System.StringComparison.Ordinal)))
            {
                return Bounded(receiver + path.Substring(This.Length));
            }

            return null;
        }

        /// <summary>
        /// A path with more than <see cref="MaxMembers"/> member steps has no name: objects reached through
        /// other objects' fields are often back-pointers (this.WriteBuffer.Connector is this again).
        /// </summary>
        private static string? Bounded(string path)
        {
            if (path.StartsWith("static:", System.StringComparison.Ordinal))
            {
                return path;
            }

            int members = 0;
            foreach (char c in path)
            {
                if (c == '.' && ++members > MaxMembers)
                {
                    return null;
                }
            }

            return path;
        }

        /// <summary>An object as source spells it: "this", "other", "_parent", "other._child", "Registry.s_lock".</summary>
        public static string Display(string path)
        {
            int colon = path.IndexOf(':');
            if (colon >= 0)
            {
                return path.Substring(colon + 1);
            }

            return path.StartsWith("this.", System.StringComparison.Ordinal) ? path.Substring("this.".Length) : path;
        }

        private static string? Member(string? instance, string name) => instance == null ? null : Bounded(instance + "." + name);
    }
}
