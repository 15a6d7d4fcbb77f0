using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Netfs
{
    internal enum TaskState
    {
        Completed,
        Failed,

        /// <summary>Still running when the bounded wait ended: blocked at <see cref="TaskOutcome.Position"/>.</summary>
        Blocked,
    }

    /// <summary>How one task of a scenario ended, and the last tracepoint it hit.</summary>
    internal sealed class TaskOutcome
    {
        public TaskOutcome(string name, TaskState state, string position, string? result)
        {
            Name = name;
            State = state;
            Position = position;
            Result = result;
        }

        public string Name { get; }

        public TaskState State { get; }

        public string Position { get; }

        /// <summary>What a completed task returned, or the exception of a failed one.</summary>
        public string? Result { get; }

        public override string ToString() => State switch
        {
            TaskState.Blocked => $"{Name,-34} BLOCKED at {Position}",
            TaskState.Failed => $"{Name,-34} FAILED: {Result}",
            _ => $"{Name,-34} completed: {Result}",
        };
    }

    /// <summary>The outcome of a scenario run: whether its tasks deadlocked, and where each one was.</summary>
    internal sealed class ScenarioResult
    {
        public ScenarioResult(string name, bool deadlocked, TimeSpan bound, TimeSpan waited, IReadOnlyList<TaskOutcome> tasks, bool allThreadsEnded)
        {
            Name = name;
            Deadlocked = deadlocked;
            Bound = bound;
            Waited = waited;
            Tasks = tasks;
            AllThreadsEnded = allThreadsEnded;
        }

        public string Name { get; }

        /// <summary>Some task had not ended when the bounded wait ran out.</summary>
        public bool Deadlocked { get; }

        public TimeSpan Bound { get; }

        /// <summary>How long the tasks were waited for after the last one was released.</summary>
        public TimeSpan Waited { get; }

        public IReadOnlyList<TaskOutcome> Tasks { get; }

        /// <summary>Every thread ended after the tasks were killed: nothing is left behind.</summary>
        public bool AllThreadsEnded { get; }

        public TaskOutcome this[string task] => Tasks.Single(outcome => outcome.Name == task);

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine($"== {Name}");
            foreach (var task in Tasks)
            {
                text.AppendLine("   " + task);
            }

            text.Append(Deadlocked
                ? $"   => DEADLOCK: {Tasks.Count(task => task.State == TaskState.Blocked)} tasks still blocked after {Bound.TotalSeconds:0.#} s; killed them, {(AllThreadsEnded ? "all threads ended" : "SOME THREADS DID NOT END")}"
                : $"   => all {Tasks.Count} tasks ended in {Waited.TotalMilliseconds:0} ms");
            return text.ToString();
        }
    }
}
