using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LockLevels.Cli.Analysis;
using LockLevels.Cli.Baseline;
using LockLevels.Cli.CommandLine;
using LockLevels.Cli.Findings;
using LockLevels.Cli.Graph;
using LockLevels.Cli.Loading;
using LockLevels.Cli.Reports;

namespace LockLevels.Cli
{
    /// <summary><c>locklevels check</c> and <c>locklevels graph</c>: parse, analyse, report, and the exit code.</summary>
    internal sealed class LockLevelsCommand
    {
        private readonly TextWriter _out;
        private readonly TextWriter _error;

        public LockLevelsCommand(TextWriter output, TextWriter error)
        {
            _out = output;
            _error = error;
        }

        public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
        {
            try
            {
                var options = ArgumentParser.Parse(args);
                if (options == null)
                {
                    _out.WriteLine(ArgumentParser.Usage);
                    return ExitCodes.Clean;
                }

                var input = InputPath.Resolve(options.Path);
                var progress = new Progress(_error, options.Quiet);
                var result = await SolutionAnalysis.RunAsync(input, options.Properties, !options.NoRestore, progress, cancellationToken).ConfigureAwait(false);
                return Report(options, result);
            }
            catch (UsageException usage)
            {
                _error.WriteLine("locklevels: " + usage.Message);
                _error.WriteLine("Try 'locklevels --help'.");
                return ExitCodes.Error;
            }
        }

        /// <summary>The report (or picture) of an analysis already made, and the exit code: what RunAsync does after loading.</summary>
        public int Report(CommandOptions options, AnalysisResult result)
        {
            try
            {
                foreach (string error in result.Errors)
                {
                    _error.WriteLine("error: " + error);
                }

                int exitCode = options switch
                {
                    CheckOptions check => Check(check, result),
                    GraphOptions graph => Graph(graph, result),
                    _ => ExitCodes.Error,
                };
                return result.Errors.IsEmpty ? exitCode : ExitCodes.Error;
            }
            catch (UsageException usage)
            {
                _error.WriteLine("locklevels: " + usage.Message);
                return ExitCodes.Error;
            }
        }

        private int Check(CheckOptions options, AnalysisResult result)
        {
            BaselineComparison? comparison = null;
            if (options.Baseline != null)
            {
                comparison = BaselineComparison.Compare(result.Findings, BaselineFile.Read(options.Baseline));
            }

            if (options.WriteBaseline != null)
            {
                BaselineFile.Write(options.WriteBaseline, result.Findings);
                _error.WriteLine($"wrote the baseline {options.WriteBaseline} ({result.Findings.Length} findings)");
            }

            var input = ReportInput.From(result, comparison);
            WriteReport(options, input, result);

            // Writing a baseline accepts every finding in it: only findings outside the one written count.
            var counted = options.WriteBaseline == null ? input.Counted : ImmutableArray<Finding>.Empty;
            bool fails = counted.Any(finding => Fails(finding.Severity, options.FailOn));
            return fails ? ExitCodes.Findings : ExitCodes.Clean;
        }

        private void WriteReport(CheckOptions options, ReportInput input, AnalysisResult result)
        {
            string report;
            if (options.Format is ReportFormat.Sarif or ReportFormat.Json)
            {
                using var buffer = new MemoryStream();
                if (options.Format == ReportFormat.Sarif)
                {
                    SarifReport.Write(buffer, input);
                }
                else
                {
                    JsonReport.Write(buffer, input, result.Errors);
                }

                report = new UTF8Encoding(false).GetString(buffer.ToArray());
            }
            else
            {
                using var text = new StringWriter();
                if (options.Format == ReportFormat.Lockdep)
                {
                    LockdepReport.Write(text, input);
                }
                else
                {
                    TextReport.Write(text, input);
                }

                report = text.ToString();
            }

            if (options.Output == null)
            {
                _out.Write(report);
                _out.Flush();
            }
            else
            {
                File.WriteAllText(options.Output, report);
            }
        }

        private int Graph(GraphOptions options, AnalysisResult result)
        {
            var graph = result.Graph;
            if (options.CyclesOnly)
            {
                graph = GraphFilter.CyclesOnly(graph);
            }

            if (options.Namespace != null)
            {
                graph = GraphFilter.Namespace(graph, options.Namespace);
            }

            string output = Path.GetFullPath(options.Output);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            switch (options.Format)
            {
                case GraphFormat.Dot:
                    File.WriteAllText(output, DotWriter.Write(graph));
                    break;
                case GraphFormat.Mermaid:
                    File.WriteAllText(output, MermaidWriter.Write(graph));
                    break;
                default:
                    string? error = Graphviz.Render(DotWriter.Write(graph), options.Format == GraphFormat.Svg ? "svg" : "png", output);
                    if (error != null)
                    {
                        _error.WriteLine("error: " + error);
                        return ExitCodes.Error;
                    }

                    break;
            }

            _error.WriteLine($"wrote {options.Output}: {graph.Nodes.Length} lock classes, {graph.Edges.Length} observed edges, {graph.Cycles.Length} cycles");
            return ExitCodes.Clean;
        }

        private static bool Fails(FindingSeverity severity, FailOn failOn) => failOn switch
        {
            FailOn.Error => severity == FindingSeverity.Error,
            FailOn.Warning => severity >= FindingSeverity.Warning,
            FailOn.Info => true,
            _ => false,
        };
    }
}
