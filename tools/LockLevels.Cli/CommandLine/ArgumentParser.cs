using System;
using System.Collections.Generic;

namespace LockLevels.Cli.CommandLine
{
    /// <summary>
    /// Parses <c>locklevels check|graph PATH [options]</c>. Hand-rolled: two commands and a handful of
    /// options, and every error must become exit code 2 with a one-line message.
    /// </summary>
    internal static class ArgumentParser
    {
        public const string Usage = """
            Usage:
              locklevels check PATH [--format text|lockdep|sarif|json] [--fail-on error|warning|info|never]
                                    [--baseline FILE] [--write-baseline FILE] [-o FILE]
              locklevels graph PATH -o FILE.svg|.png|.dot|.mmd [--format svg|png|dot|mmd]
                                    [--cycles-only] [--namespace NS]

            PATH is a .sln, .slnx or .csproj, or a folder holding exactly one of them (default: the current folder).
            Both commands also take -p:Name=Value (MSBuild properties for restore and loading), --no-restore (the
            input is restored already) and --quiet (no progress on stderr).

            check exit codes: 0 nothing at or above --fail-on (default warning), 1 findings (with --baseline:
            new findings only), 2 usage error or a project that could not be loaded.
            """;

        /// <summary>The options of the command named first; null for --help.</summary>
        public static CommandOptions? Parse(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
            {
                return null;
            }

            CommandOptions options = args[0] switch
            {
                "check" => new CheckOptions(),
                "graph" => new GraphOptions(),
                _ => throw new UsageException($"unknown command '{args[0]}' (expected check or graph)"),
            };

            string? path = null;
            for (int i = 1; i < args.Count; i++)
            {
                string arg = args[i];
                if (arg is "-h" or "--help")
                {
                    return null;
                }

                if (arg.StartsWith("-p:", StringComparison.Ordinal) || arg.StartsWith("--property:", StringComparison.Ordinal))
                {
                    AddProperty(options, arg.Substring(arg.IndexOf(':') + 1));
                    continue;
                }

                if (arg == "--quiet" || arg == "-q")
                {
                    options.Quiet = true;
                    continue;
                }

                if (arg == "--no-restore")
                {
                    options.NoRestore = true;
                    continue;
                }

                if (!arg.StartsWith("-", StringComparison.Ordinal))
                {
                    if (path != null)
                    {
                        throw new UsageException($"more than one PATH: '{path}' and '{arg}'");
                    }

                    path = arg;
                    continue;
                }

                bool known = options switch
                {
                    CheckOptions check => ParseCheckOption(check, arg, args, ref i),
                    GraphOptions graph => ParseGraphOption(graph, arg, args, ref i),
                    _ => false,
                };
                if (!known)
                {
                    throw new UsageException($"unknown option '{arg}' for {args[0]}");
                }
            }

            options.Path = path ?? ".";
            if (options is GraphOptions graphOptions)
            {
                FinishGraph(graphOptions);
            }

            return options;
        }

        private static bool ParseCheckOption(CheckOptions options, string arg, IReadOnlyList<string> args, ref int i)
        {
            switch (arg)
            {
                case "--format":
                case "-f":
                    options.Format = Value(args, ref i) switch
                    {
                        "text" => ReportFormat.Text,
                        "lockdep" => ReportFormat.Lockdep,
                        "sarif" => ReportFormat.Sarif,
                        "json" => ReportFormat.Json,
                        var other => throw new UsageException($"unknown --format '{other}' (text, lockdep, sarif, json)"),
                    };
                    return true;
                case "--fail-on":
                    options.FailOn = Value(args, ref i) switch
                    {
                        "error" => FailOn.Error,
                        "warning" => FailOn.Warning,
                        "info" => FailOn.Info,
                        "never" => FailOn.Never,
                        var other => throw new UsageException($"unknown --fail-on '{other}' (error, warning, info, never)"),
                    };
                    return true;
                case "--baseline":
                    options.Baseline = Value(args, ref i);
                    return true;
                case "--write-baseline":
                    options.WriteBaseline = Value(args, ref i);
                    return true;
                case "-o":
                case "--output":
                    options.Output = Value(args, ref i);
                    return true;
                default:
                    return false;
            }
        }

        private static bool ParseGraphOption(GraphOptions options, string arg, IReadOnlyList<string> args, ref int i)
        {
            switch (arg)
            {
                case "-o":
                case "--output":
                    options.Output = Value(args, ref i);
                    return true;
                case "--format":
                case "-f":
                    options.Format = GraphFormatNamed(Value(args, ref i))
                        ?? throw new UsageException($"unknown graph --format '{args[i]}' (svg, png, dot, mmd)");
                    options.FormatGiven = true;
                    return true;
                case "--cycles-only":
                    options.CyclesOnly = true;
                    return true;
                case "--namespace":
                    options.Namespace = Value(args, ref i);
                    return true;
                default:
                    return false;
            }
        }

        private static void FinishGraph(GraphOptions options)
        {
            if (options.Output.Length == 0)
            {
                throw new UsageException("graph needs -o FILE (.svg, .png, .dot or .mmd)");
            }

            if (!options.FormatGiven)
            {
                string extension = System.IO.Path.GetExtension(options.Output).TrimStart('.').ToLowerInvariant();
                options.Format = GraphFormatNamed(extension)
                    ?? throw new UsageException($"cannot tell the graph format from '{options.Output}': use .svg, .png, .dot or .mmd, or --format");
            }
        }

        private static GraphFormat? GraphFormatNamed(string name) => name switch
        {
            "svg" => GraphFormat.Svg,
            "png" => GraphFormat.Png,
            "dot" or "gv" => GraphFormat.Dot,
            "mmd" or "mermaid" => GraphFormat.Mermaid,
            _ => null,
        };

        private static void AddProperty(CommandOptions options, string assignment)
        {
            int equals = assignment.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"-p: expects Name=Value, got '{assignment}'");
            }

            options.Properties[assignment.Substring(0, equals)] = assignment.Substring(equals + 1);
        }

        private static string Value(IReadOnlyList<string> args, ref int i)
        {
            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            i++;
            return args[i];
        }
    }
}
