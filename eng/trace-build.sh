#!/usr/bin/env bash
# Traces one build with EventPipe (CPU samples and allocation ticks of every .NET process it starts) and prints
# where LockLevels' share of the compiler's samples and allocations goes (eng/TraceShares).
#
#   eng/trace-build.sh OUT_DIR -- dotnet build PROJECT -p:UseSharedCompilation=false ...
#
# Pass -p:UseSharedCompilation=false so that csc runs in a process of its own (the compiler server would not be
# traced), and the LockLevels injection of eng/analyze-external.sh (CustomAfterMicrosoftCommonTargets,
# LockLevelsAnalyzerDll, LockLevelsTargetProject). The largest trace is the compiler's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 3 && "$2" == "--" ]] || { echo "usage: eng/trace-build.sh OUT_DIR -- COMMAND..." >&2; exit 2; }
out="$1"; shift 2
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out"/trace-*.nettrace
DOTNET_EnableEventPipe=1 DOTNET_EventPipeOutputPath="$out/trace-{pid}.nettrace" \
  DOTNET_EventPipeConfig='Microsoft-DotNETCore-SampleProfiler:0:5,Microsoft-Windows-DotNETRuntime:0x4c14fccbd:5' \
  "$@" > "$out/build.log" 2>&1 || { tail -20 "$out/build.log"; exit 1; }
trace=$(ls -S "$out"/trace-*.nettrace | head -1)
dotnet run -c Release --project "$root/eng/TraceShares" -- "$trace" | tee "$out/shares.txt"
