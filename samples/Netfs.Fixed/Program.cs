using System;

namespace Netfs
{
    /// <summary>Runs the thread's two deadlock scenarios on real threads and prints what happened.</summary>
    internal static class Program
    {
        public static int Main()
        {
            Console.WriteLine($"{typeof(Program).Assembly.GetName().Name}: Jan Kara's two scenarios, on real threads, in the interleaving of his tables");
            bool deadlocked = false;
            foreach (var run in new Func<TimeSpan?, ScenarioResult>[] { Scenarios.PageFaultFreezeWrite, Scenarios.InvalidateFreezeFaultWrite })
            {
                var result = run(null);
                Console.WriteLine(result);
                deadlocked |= result.Deadlocked;
                if (!result.AllThreadsEnded)
                {
                    return 2;
                }
            }

            Console.WriteLine(deadlocked ? "Both scenarios deadlock, as LockLevels warned at build time." : "Both scenarios complete.");
            return 0;
        }
    }
}
