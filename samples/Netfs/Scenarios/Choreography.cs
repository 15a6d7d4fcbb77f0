using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace Netfs
{
    /// <summary>
    /// Runs model code on named threads and orders them at tracepoints, without sleeping: a task can be
    /// paused where it hits a tracepoint (and released later), and the choreographer can wait until a task
    /// has hit one. Positions (the last tracepoint each task hit) tell where a task is blocked.
    /// Pauses go only on tracepoints hit outside the model's internal locks (the constants of
    /// <see cref="Tracepoint"/>); the "reader waits" / "writer waits" tracepoints can only be awaited.
    /// </summary>
    internal sealed class Choreography : IDisposable
    {
        private readonly Kernel _kernel;
        private readonly ConcurrentDictionary<string, string> _positions = new ConcurrentDictionary<string, string>();
        private readonly ConcurrentDictionary<(string Task, string Point), Step> _steps = new ConcurrentDictionary<(string Task, string Point), Step>();
        private readonly List<KernelThread> _threads = new List<KernelThread>();

        public Choreography(Kernel kernel)
        {
            _kernel = kernel;
            kernel.Trace.Attach(OnTracepoint);
        }

        /// <summary>How long a task may take to reach a step that it is expected to reach; exceeding it is a broken scenario, not a deadlock.</summary>
        public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary><paramref name="task"/> will stop at <paramref name="point"/> until the step is released.</summary>
        public Step PauseAt(string task, string point) => _steps[(task, point)] = new Step(task, point, pause: true);

        /// <summary>The step is set when <paramref name="task"/> hits <paramref name="point"/>; the task goes on.</summary>
        public Step NoteAt(string task, string point) => _steps[(task, point)] = new Step(task, point, pause: false);

        public KernelThread Start(string task, Func<string> body)
        {
            var thread = new KernelThread(task, body, _kernel);
            _threads.Add(thread);
            thread.Start();
            return thread;
        }

        /// <summary>
        /// Waits until the step's task has hit it (true) or has ended without hitting it (false, e.g. a
        /// freeze that failed at once). Throws if neither happens within <see cref="StepTimeout"/>.
        /// </summary>
        public bool WaitFor(KernelThread thread, Step step)
        {
            int signalled = WaitHandle.WaitAny(new[] { step.Reached.WaitHandle, thread.Ended.WaitHandle }, StepTimeout);
            if (signalled == WaitHandle.WaitTimeout)
            {
                throw new TimeoutException($"{step.Task} neither reached {step.Point} nor ended within {StepTimeout.TotalSeconds} s (it is at {PositionOf(step.Task)})");
            }

            return step.Reached.IsSet;
        }

        public string PositionOf(string task) => _positions.TryGetValue(task, out var point) ? point : "(no tracepoint yet)";

        /// <summary>
        /// Waits up to <paramref name="bound"/> for every task to end. Those still running then are taken as
        /// deadlocked and reported where they are; then every task is killed and joined.
        /// </summary>
        public ScenarioResult Finish(string scenario, TimeSpan bound, TimeSpan joinTimeout)
        {
            var clock = Stopwatch.StartNew();
            foreach (var thread in _threads)
            {
                var left = bound - clock.Elapsed;
                if (left <= TimeSpan.Zero || !thread.Ended.Wait(left))
                {
                    break;
                }
            }

            var waited = clock.Elapsed;
            var stuck = _threads.Where(thread => !thread.Ended.IsSet).Select(thread => thread.Name).ToList();
            var positions = _threads.ToDictionary(thread => thread.Name, thread => PositionOf(thread.Name));

            // Unblock everything: paused tasks and killable waits throw, and locks are released as the tasks unwind.
            _kernel.KillAll();
            bool joined = _threads.All(thread => thread.Join(joinTimeout));

            var tasks = _threads.Select(thread => new TaskOutcome(
                thread.Name,
                stuck.Contains(thread.Name) ? TaskState.Blocked : thread.Error != null ? TaskState.Failed : TaskState.Completed,
                positions[thread.Name],
                stuck.Contains(thread.Name) ? null : thread.Error?.ToString() ?? thread.Result)).ToList();
            return new ScenarioResult(scenario, stuck.Count > 0, bound, waited, tasks, joined);
        }

        public void Dispose()
        {
            _kernel.Trace.Detach();
            _kernel.KillAll();
            foreach (var thread in _threads)
            {
                thread.Join(TimeSpan.FromSeconds(5));
            }
        }

        private void OnTracepoint(string point)
        {
            var task = Thread.CurrentThread.Name;
            if (task == null)
            {
                return;
            }

            _positions[task] = point;
            if (_steps.TryGetValue((task, point), out var step))
            {
                step.Reached.Set();
                if (step.Pause)
                {
                    step.Gate.Wait(_kernel.Killed);
                }
            }
        }
    }

    /// <summary>A tracepoint of one task that the choreographer waits for, and may hold the task at.</summary>
    internal sealed class Step
    {
        public Step(string task, string point, bool pause)
        {
            Task = task;
            Point = point;
            Pause = pause;
        }

        public string Task { get; }

        public string Point { get; }

        public bool Pause { get; }

        public ManualResetEventSlim Reached { get; } = new ManualResetEventSlim();

        public ManualResetEventSlim Gate { get; } = new ManualResetEventSlim();

        public void Release() => Gate.Set();
    }

    /// <summary>A task of the scenario on its own (background) thread, named for the tracepoint probe.</summary>
    internal sealed class KernelThread
    {
        private readonly Thread _thread;

        public KernelThread(string name, Func<string> body, Kernel kernel)
        {
            Name = name;
            _thread = new Thread(() =>
            {
                try
                {
                    Result = body();
                }
                catch (OperationCanceledException) when (kernel.Killed.IsCancellationRequested)
                {
                    Result = "killed";
                }
                catch (Exception exception)
                {
                    Error = exception;
                }
                finally
                {
                    Ended.Set();
                }
            })
            {
                Name = name,
                IsBackground = true, // last resort: a task that cannot be unblocked does not keep the process alive
            };
        }

        public string Name { get; }

        public string? Result { get; private set; }

        public Exception? Error { get; private set; }

        public ManualResetEventSlim Ended { get; } = new ManualResetEventSlim();

        public void Start() => _thread.Start();

        public bool Join(TimeSpan timeout) => _thread.Join(timeout);
    }
}
