#!/usr/bin/env bash
# LockLevels' own analyzer time (the ReportAnalyzer table of a build) for two or more analyzer DLLs on one
# evaluation project, builds interleaved run by run, so that what the shared machine does falls on every DLL alike.
#
#   RUNS=5 eng/compare-analyzer-time.sh PROJECT_TEXT RESULTS_DIR DLL [DLL...]
#
# PROJECT_TEXT selects the lines of eng/evaluation-repos.txt as ONLY does for eng/evaluate.sh. One line per
# build: the run, the DLL's folder, LockLevels' seconds, all analyzers' seconds and the number of LockLevels
# diagnostics; then each DLL's median.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -ge 3 ]] || { echo "usage: RUNS=N eng/compare-analyzer-time.sh PROJECT_TEXT RESULTS_DIR DLL [DLL...]" >&2; exit 2; }
only="$1" results="$2"; shift 2
mkdir -p "$results"
declare -A times
for run in $(seq 1 "${RUNS:-3}"); do
  for dll in "$@"; do
    name=$(basename "$(dirname "$dll")")
    out="$results/$name-$run"
    ONLY="$only" "$root/eng/evaluate.sh" "$dll" "$out" -- --no-timing > "$out.log" 2>&1
    dir=$(ls -d "$out"/*/ | head -1)
    ll=$(grep -m1 -E 'LockLevels\.Analyzers, Version' "$dir/analyzer-table.txt" | awk '{print $1}')
    all=$(grep -m1 "Total analyzer execution time" "$dir/analysis.log" | awk '{print $5}')
    echo "run $run $name: LockLevels ${ll} s, all analyzers ${all} s, $(wc -l < "$dir/diagnostics.txt") LockLevels diagnostics"
    times[$name]="${times[$name]:-} $ll"
  done
done
for name in "${!times[@]}"; do
  echo "$name median: $(echo ${times[$name]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}') s (${times[$name]# })"
done
