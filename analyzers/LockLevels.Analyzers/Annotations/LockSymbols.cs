using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>The annotation and framework types LockLevels looks for, resolved once per compilation.</summary>
    internal sealed class LockSymbols
    {
        public const string AnnotationsAssemblyName = "LockLevels.Annotations";

        private LockSymbols(Compilation compilation)
        {
            LockHierarchy = TypeNamed(compilation, "LockLevels.LockHierarchyAttribute");
            Lock = TypeNamed(compilation, "LockLevels.LockAttribute");
            Acquires = TypeNamed(compilation, "LockLevels.AcquiresAttribute");
            Releases = TypeNamed(compilation, "LockLevels.ReleasesAttribute");
            CalledWithLocksHeld = TypeNamed(compilation, "LockLevels.CalledWithLocksHeldAttribute");
            MightAcquire = TypeNamed(compilation, "LockLevels.MightAcquireAttribute");
            LockSetup = TypeNamed(compilation, "LockLevels.LockSetupAttribute");
            LockTeardown = TypeNamed(compilation, "LockLevels.LockTeardownAttribute");
            RecursiveLevels = TypeNamed(compilation, "LockLevels.RecursiveLevelsAttribute");
            LockNesting = TypeNamed(compilation, "LockLevels.LockNestingAttribute");
            CalledWithLocksNotHeld = TypeNamed(compilation, "LockLevels.CalledWithLocksNotHeldAttribute");
            AcquiredWithLocksNotHeld = TypeNamed(compilation, "LockLevels.AcquiredWithLocksNotHeldAttribute");

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
