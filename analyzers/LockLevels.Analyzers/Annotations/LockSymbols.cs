using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>The annotation and framework types LockLevels looks for, resolved once per compilation.</summary>
    internal sealed class LockSymbols
    {
        public const string AnnotationsAssemblyName = "LockLevels.Annotations";

        private LockSymbols(Compilation compilation)
        {
            LockHierarchy = compilation.GetTypeByMetadataName("LockLevels.LockHierarchyAttribute");
            Lock = compilation.GetTypeByMetadataName("LockLevels.LockAttribute");
            Acquires = compilation.GetTypeByMetadataName("LockLevels.AcquiresAttribute");
            Releases = compilation.GetTypeByMetadataName("LockLevels.ReleasesAttribute");
            CalledWithLocksHeld = compilation.GetTypeByMetadataName("LockLevels.CalledWithLocksHeldAttribute");
            MightAcquire = compilation.GetTypeByMetadataName("LockLevels.MightAcquireAttribute");
            LockSetup = compilation.GetTypeByMetadataName("LockLevels.LockSetupAttribute");
            LockTeardown = compilation.GetTypeByMetadataName("LockLevels.LockTeardownAttribute");

            Monitor = compilation.GetTypeByMetadataName("System.Threading.Monitor");
            SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
            ReaderWriterLockSlim = compilation.GetTypeByMetadataName("System.Threading.ReaderWriterLockSlim");
            ThreadingLock = compilation.GetTypeByMetadataName("System.Threading.Lock");
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

        public INamedTypeSymbol? Monitor { get; }
        public INamedTypeSymbol? SemaphoreSlim { get; }
        public INamedTypeSymbol? ReaderWriterLockSlim { get; }
        public INamedTypeSymbol? ThreadingLock { get; }
        public INamedTypeSymbol IDisposable { get; }

        /// <summary>False when the compilation does not reference the annotations: annotation rules then stay silent.</summary>
        public bool HasAnnotations => Acquires != null || Lock != null || CalledWithLocksHeld != null || MightAcquire != null;

        public static LockSymbols Create(Compilation compilation) => new LockSymbols(compilation);

        public bool IsLockingType(ITypeSymbol? type)
        {
            var definition = type?.OriginalDefinition;
            return definition != null
                && (SymbolEqualityComparer.Default.Equals(definition, Monitor)
                    || SymbolEqualityComparer.Default.Equals(definition, SemaphoreSlim)
                    || SymbolEqualityComparer.Default.Equals(definition, ReaderWriterLockSlim)
                    || SymbolEqualityComparer.Default.Equals(definition, ThreadingLock)
                    || (ThreadingLock != null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, ThreadingLock)));
        }
    }
}
