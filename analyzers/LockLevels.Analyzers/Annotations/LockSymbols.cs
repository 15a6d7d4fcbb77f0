using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>The annotation and framework types LockLevels looks for, resolved once per compilation.</summary>
    internal sealed class LockSymbols
    {
        public const string AnnotationsAssemblyName = "LockLevels.Annotations";

        /// <summary>The simple names of LockLevels' attribute types, all in namespace LockLevels (<see cref="AnnotationPresence"/>).</summary>
        public static readonly string[] AttributeTypeNames =
        {
            "LockHierarchyAttribute",
            "LockAttribute",
            "AcquiresAttribute",
            "ReleasesAttribute",
            "CalledWithLocksHeldAttribute",
            "MightAcquireAttribute",
            "LockSetupAttribute",
            "LockTeardownAttribute",
            "RecursiveLevelsAttribute",
            "LockNestingAttribute",
            "CalledWithLocksNotHeldAttribute",
            "AcquiredWithLocksNotHeldAttribute",
        };

        private LockSymbols(Compilation compilation)
        {
            // With no LockLevels type anywhere, no lookup by name is made for them: each would search every reference.
            bool annotations = AnnotationPresence.MayExist(compilation);
            INamedTypeSymbol? Attribute(string name) => annotations ? TypeNamed(compilation, "LockLevels." + name) : null;

            LockHierarchy = Attribute("LockHierarchyAttribute");
            Lock = Attribute("LockAttribute");
            Acquires = Attribute("AcquiresAttribute");
            Releases = Attribute("ReleasesAttribute");
            CalledWithLocksHeld = Attribute("CalledWithLocksHeldAttribute");
            MightAcquire = Attribute("MightAcquireAttribute");
            LockSetup = Attribute("LockSetupAttribute");
            LockTeardown = Attribute("LockTeardownAttribute");
            RecursiveLevels = Attribute("RecursiveLevelsAttribute");
            LockNesting = Attribute("LockNestingAttribute");
            CalledWithLocksNotHeld = Attribute("CalledWithLocksNotHeldAttribute");
            AcquiredWithLocksNotHeld = Attribute("AcquiredWithLocksNotHeldAttribute");

            Monitor = TypeNamed(compilation, "System.Threading.Monitor");
            SemaphoreSlim = TypeNamed(compilation, "System.Threading.SemaphoreSlim");
            ReaderWriterLockSlim = TypeNamed(compilation, "System.Threading.ReaderWriterLockSlim");
            ThreadingLock = TypeNamed(compilation, "System.Threading.Lock");
            Mutex = TypeNamed(compilation, "System.Threading.Mutex");
            SpinLock = TypeNamed(compilation, "System.Threading.SpinLock");
            WaitHandle = TypeNamed(compilation, "System.Threading.WaitHandle");
            IDisposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        }

        public INamedTypeSymbol? LockHierarchy { get; }
        public INamedTypeSymbol? Lock { get; }
        public INamedTypeSymbol? Acquires { get; }
        public INamedTypeSymbol? Releases { get; }
        public INamedTypeSymbol? CalledWithLocksHeld { get; }
        public INamedTypeSymbol? MightAcquire { get; }
        public INamedTypeSymbol? LockSetup { get; }
        public INamedTypeSymbol? LockTeardown { get; }
        public INamedTypeSymbol? RecursiveLevels { get; }
        public INamedTypeSymbol? LockNesting { get; }
        public INamedTypeSymbol? CalledWithLocksNotHeld { get; }
        public INamedTypeSymbol? AcquiredWithLocksNotHeld { get; }

        public INamedTypeSymbol? Monitor { get; }
        public INamedTypeSymbol? SemaphoreSlim { get; }
        public INamedTypeSymbol? ReaderWriterLockSlim { get; }
        public INamedTypeSymbol? ThreadingLock { get; }
        public INamedTypeSymbol? Mutex { get; }
        public INamedTypeSymbol? SpinLock { get; }

        /// <summary>Declares Mutex.WaitOne; only a call on a Mutex takes a lock.</summary>
        public INamedTypeSymbol? WaitHandle { get; }
        public INamedTypeSymbol IDisposable { get; }

        /// <summary>False when the compilation does not reference the annotations: annotation rules then stay silent.</summary>
        public bool HasAnnotations => Acquires != null || Lock != null || CalledWithLocksHeld != null || MightAcquire != null;

        public static LockSymbols Create(Compilation compilation) => new LockSymbols(compilation);

        /// <summary>
        /// The type of that metadata name the compilation means: its own if it defines one, else the one
        /// type visible from it. Compilation.GetTypeByMetadataName (banned, eng/BannedSymbols.txt) returns
        /// null as soon as two references define the name, say a library that embeds its own internal copy
        /// of the attributes, and every annotation would silently vanish.
        /// </summary>
        public static INamedTypeSymbol? TypeNamed(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? visible = null;
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    return type;
                }

                if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    continue;
                }

                if (visible != null)
                {
                    return null; // Two visible definitions: the source cannot name either without an alias.
                }

                visible = type;
            }

            return visible;
        }

        public bool IsLockingType(ITypeSymbol? type)
        {
            var definition = type?.OriginalDefinition;
            return definition != null
                && (SymbolEqualityComparer.Default.Equals(definition, Monitor)
                    || SymbolEqualityComparer.Default.Equals(definition, SemaphoreSlim)
                    || SymbolEqualityComparer.Default.Equals(definition, ReaderWriterLockSlim)
                    || SymbolEqualityComparer.Default.Equals(definition, ThreadingLock)
                    || SymbolEqualityComparer.Default.Equals(definition, Mutex)
                    || SymbolEqualityComparer.Default.Equals(definition, SpinLock)
                    || SymbolEqualityComparer.Default.Equals(definition, WaitHandle)
                    || (ThreadingLock != null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, ThreadingLock)));
        }
    }
}
