using System.IO;

namespace LockLevels.Cli.Loading
{
    /// <summary>Progress lines on stderr ("[2/5] analysing Netfs"), silent with --quiet.</summary>
    internal sealed class Progress
    {
        private readonly TextWriter? _writer;

        public Progress(TextWriter writer, bool quiet)
        {
            _writer = quiet ? null : writer;
        }

        public void Report(string line)
        {
            _writer?.WriteLine(line);
        }

        public void Project(int index, int count, string step, string project)
        {
            _writer?.WriteLine($"[{index}/{count}] {step} {project}");
        }
    }
}
