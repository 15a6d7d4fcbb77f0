using System;
using Microsoft.Build.Locator;

namespace LockLevels.Cli
{
    internal static class Program
    {
        public static int Main(string[] args)
        {
            // MSBuild's assemblies come from the installed SDK; they must be registered before any method
            // that mentions an MSBuild or MSBuildWorkspace type is compiled, hence the separate Run.
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }

            return Run(args);
        }

        private static int Run(string[] args)
            => new LockLevelsCommand(Console.Out, Console.Error).RunAsync(args).GetAwaiter().GetResult();
    }
}
