using System.Reflection.Metadata;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace LockLevels.Analyzers.Annotations
{
    /// <summary>
    /// Whether any of LockLevels' attribute types can exist in a compilation, read from the declarations of its
    /// syntax and the metadata of its references, without binding a symbol. Most compilations have none, and
    /// then no LockLevels analyzer needs a symbol at compilation start: binding the references and merging the
    /// namespaces, the first thing any symbol lookup does, is left to the compiler, which needs them anyway.
    /// Conservative: true whenever a source type has the name of one of the attributes, a reference is not a
    /// metadata file, or a reference is, references, or declares or forwards a type in namespace LockLevels.
    /// </summary>
    internal static class AnnotationPresence
    {
        private const string Namespace = "LockLevels";

        private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> Known = new();

        public static bool MayExist(Compilation compilation) => Known.GetValue(compilation, c => new StrongBox<bool>(Read(c))).Value;

        private static bool Read(Compilation compilation)
        {
            foreach (var name in LockSymbols.AttributeTypeNames)
            {
                if (compilation.ContainsSymbolsWithName(name, SymbolFilter.Type))
                {
                    return true;
                }
            }

            foreach (var reference in compilation.References)
            {
                if (reference is not PortableExecutableReference file || MayDeclare(file))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayDeclare(PortableExecutableReference reference)
        {
            try
            {
                switch (reference.GetMetadata())
                {
                    case AssemblyMetadata assembly:
                        foreach (var module in assembly.GetModules())
                        {
                            if (MayDeclare(module.GetMetadataReader()))
                            {
                                return true;
                            }
                        }

                        return false;
                    case ModuleMetadata module:
                        return MayDeclare(module.GetMetadataReader());
                    default:
                        return true;
                }
            }
#pragma warning disable CA1031 // A reference the compiler cannot read: its own diagnostics say so; here it may be anything.
            catch (System.Exception)
#pragma warning restore CA1031
            {
                return true;
            }
        }

        private static bool MayDeclare(MetadataReader reader)
        {
            var strings = reader.StringComparer;
            if (reader.IsAssembly && strings.Equals(reader.GetAssemblyDefinition().Name, LockSymbols.AnnotationsAssemblyName))
            {
                return true;
            }

            foreach (var handle in reader.AssemblyReferences)
            {
                if (strings.Equals(reader.GetAssemblyReference(handle).Name, LockSymbols.AnnotationsAssemblyName))
                {
                    return true;
                }
            }

            foreach (var handle in reader.TypeDefinitions)
            {
                if (strings.Equals(reader.GetTypeDefinition(handle).Namespace, Namespace))
                {
                    return true;
                }
            }

            foreach (var handle in reader.ExportedTypes)
            {
                if (strings.Equals(reader.GetExportedType(handle).Namespace, Namespace))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
