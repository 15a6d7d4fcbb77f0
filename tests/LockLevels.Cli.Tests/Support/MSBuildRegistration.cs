using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace LockLevels.Cli.Tests.Support
{
    /// <summary>Registers the SDK's MSBuild before any test touches MSBuildWorkspace, as the tool's Main does.</summary>
    internal static class MSBuildRegistration
    {
        [ModuleInitializer]
        internal static void Register()
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }
}
