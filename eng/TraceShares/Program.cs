using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// dotnet run -c Release --project eng/TraceShares -- TRACE.nettrace [ROWS]
// TRACE: an EventPipe trace with the sample profiler and the runtime's allocation ticks (eng/trace-build.sh).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: TraceShares TRACE.nettrace [ROWS]");
    return 2;
}

int rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
// A third argument, a LockLevels method's name: where the samples whose innermost LockLevels frame it is spend their time (leaf frames).
string? drill = args.Length > 2 ? args[2] : null;
var leaves = new Dictionary<string, long>();
using var log = TraceLog.OpenOrConvert(TraceLog.CreateFromEventPipeDataFile(args[0]));
var samples = new Shares();
var allocations = new Shares();
long allSamples = 0, allBytes = 0;
foreach (var data in log.Events)
{
    bool isSample = data.ProviderName == "Microsoft-DotNETCore-SampleProfiler";
    var tick = data as GCAllocationTickTraceData;
    if (!isSample && tick == null)
    {
        continue;
    }

    long weight = isSample ? 1 : tick!.AllocationAmount64;
    if (isSample)
    {
        allSamples++;
    }
    else
    {
        allBytes += weight;
    }

    var frames = Frames(data.CallStack());
    if (frames.Count == 0 || !frames.Exists(frame => frame.StartsWith("LockLevels", StringComparison.Ordinal)))
    {
        continue;
    }

    (isSample ? samples : allocations).Add(frames, weight);
    if (isSample && drill != null && frames.Find(frame => frame.StartsWith("LockLevels", StringComparison.Ordinal)) is { } innermost && innermost.EndsWith(drill, StringComparison.Ordinal))
    {
        string leaf = string.Join(" < ", frames.Take(3));
        leaves[leaf] = leaves.GetValueOrDefault(leaf) + 1;
    }
}

foreach (var (leaf, count) in leaves.OrderByDescending(pair => pair.Value).Take(rows))
{
    Console.WriteLine($"  {count,6}  {leaf}");
}

Console.WriteLine($"samples: {allSamples} in all, {samples.Total} with a LockLevels frame");
samples.Print(rows, value => value.ToString(System.Globalization.CultureInfo.InvariantCulture));
Console.WriteLine();
Console.WriteLine($"allocation ticks: {allBytes / 1e6:F0} MB in all, {allocations.Total / 1e6:F0} MB with a LockLevels frame");
allocations.Print(rows, value => $"{value / 1e6:F1} MB");
return 0;

static List<string> Frames(TraceCallStack? stack)
{
    var frames = new List<string>();
    for (var frame = stack; frame != null; frame = frame.Caller)
    {
        var name = frame.CodeAddress.FullMethodName ?? "?";
        int parameters = name.IndexOf('(');
        frames.Add(parameters > 0 ? name[..parameters] : name);
    }

    return frames;
}

/// <summary>Weights (samples or bytes) by what the thread was doing and by the innermost LockLevels phase.</summary>
internal sealed class Shares
{
    // Innermost first: a frame's phase is the first of these its stack names, walking out from the top.
    private static readonly string[] Phases =
    {
        "MemberWrites", "CreationArguments", "ThisEscape", "OwnerLinks", "FlagGuards", "FreshObjects", "AnnotationReader", "CompilationIndex", "LockSymbols",
        "ReachWalker", "WrapperReach", "LockReach", "DeclarationBlocks", "HeldLockFlow", "CallRecorder", "LockFreeWalk", "WrapperEffects", "BodyAnalysis",
        "EntryHeld", "Summaries", "CallDispatch", "ReturnedLocks", "Rules.", "ProgramAnalysis", "AnalyzeTree", "OnCompilationStart",
    };

    private readonly Dictionary<string, long> _kinds = new();
    private readonly Dictionary<string, long> _phases = new();
    private readonly Dictionary<string, long> _methods = new();

    public long Total { get; private set; }

    public void Add(List<string> frames, long weight)
    {
        Total += weight;
        string kind = KindOf(frames);
        string phase = "other";
        foreach (var frame in frames)
        {
            if (Array.Find(Phases, marker => frame.Contains(marker, StringComparison.Ordinal)) is { } marker)
            {
                phase = marker;
                break;
            }
        }

        Bump(_kinds, kind, weight);
        Bump(_phases, phase + " / " + kind, weight);
        if (frames.Find(frame => frame.StartsWith("LockLevels", StringComparison.Ordinal)) is { } innermost)
        {
            Bump(_methods, innermost + " / " + kind, weight);
        }
    }

    public void Print(int rows, Func<long, string> format)
    {
        if (Total == 0)
        {
            return;
        }

        Console.WriteLine("by what the thread was doing:");
        foreach (var (key, value) in _kinds.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine($"  {format(value),12} {100.0 * value / Total,5:F1}%  {key}");
        }

        Console.WriteLine("by innermost LockLevels phase / what the thread was doing:");
        foreach (var (key, value) in _phases.OrderByDescending(pair => pair.Value).Take(rows))
        {
            Console.WriteLine($"  {format(value),12} {100.0 * value / Total,5:F1}%  {key}");
        }

        Console.WriteLine("by innermost LockLevels method / what the thread was doing:");
        foreach (var (key, value) in _methods.OrderByDescending(pair => pair.Value).Take(rows))
        {
            Console.WriteLine($"  {format(value),12} {100.0 * value / Total,5:F1}%  {key}");
        }
    }

    /// <summary>Parked for a GC, waiting on a lock, binding a body, building a control flow graph, or LockLevels' own work.</summary>
    private static string KindOf(List<string> frames)
    {
        if (frames[0].Contains("PollGC", StringComparison.Ordinal))
        {
            return "waiting for a GC";
        }

        for (int i = 0; i < Math.Min(3, frames.Count); i++)
        {
            if (frames[i].Contains("Monitor.Enter", StringComparison.Ordinal))
            {
                return "waiting on a lock";
            }
        }

        if (frames.Exists(frame => frame.Contains("SemanticModel.GetOperation", StringComparison.Ordinal)))
        {
            return "binding (GetOperation)";
        }

        return frames.Exists(frame => frame.Contains("ControlFlowGraphBuilder", StringComparison.Ordinal)) ? "control flow graph" : "own work";
    }

    private static void Bump(Dictionary<string, long> map, string key, long weight) => map[key] = map.GetValueOrDefault(key) + weight;
}
