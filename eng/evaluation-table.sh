#!/usr/bin/env bash
# Prints the markdown table of docs/evaluation.md from the summary.txt files that eng/analyze-external.sh
# wrote under RESULTS_DIR (one folder per project), in the order of eng/evaluation-repos.txt.
#
#   eng/evaluation-table.sh RESULTS_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="${1:?usage: eng/evaluation-table.sh RESULTS_DIR}"

echo '| repository@commit | project | lines | reports by rule | LockLevels analyzer s (LL0100 s) | all analyzers s | LockLevels / all | LockLevels / Csc without | CPU s with / without, median (raw) | Csc s with / without, median (raw) | wall s with / without, median |'
echo '|---|---|---|---|---|---|---|---|---|---|---|'
while read -r repo commit project _; do
  [[ -z "$repo" || "$repo" == \#* ]] && continue
  summary="$results/${repo#*/}-$(basename "$project" .csproj)/summary.txt"
  [[ -f "$summary" ]] || continue
  get() { grep -m1 "^$1=" "$summary" | cut -d= -f2- || true; }
  ms_to_s() { tr ',' '\n' | awk 'NF { printf "%s%.1f", sep, $1 / 1000; sep = ", " }'; }
  share=$(awk -v a="$(get locklevels_s)" -v b="$(get analyzers_total_s)" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "?" }')
  of_compile=$(awk -v a="$(get locklevels_s)" -v b="$(get without_csc_ms_median)" 'BEGIN { if (b > 0) printf "%.1f%%", 100000 * a / b; else print "?" }')
  reports=$(get by_rule); reports=${reports:-none}
  if [[ -n "$(get with_cpu_s_median)" ]]; then
    cpu="$(get with_cpu_s_median) / $(get without_cpu_s_median) ($(get with_cpu_s_raw | sed 's/,/, /g') / $(get without_cpu_s_raw | sed 's/,/, /g'))"
    csc="$(get with_csc_ms_median | ms_to_s) / $(get without_csc_ms_median | ms_to_s) ($(get with_csc_ms_raw | ms_to_s) / $(get without_csc_ms_raw | ms_to_s))"
    wall="$(get with_wall_s_median) / $(get without_wall_s_median)"
  else
    cpu="not measured"; csc="not measured"; wall="not measured"
  fi
  echo "| $repo@${commit:0:7} | \`$project\` | $(get lines) | $reports | $(get locklevels_s) ($(get ll0100_s)) | $(get analyzers_total_s) | $share | $of_compile | $cpu | $csc | $wall |"
done < "$root/eng/evaluation-repos.txt"
