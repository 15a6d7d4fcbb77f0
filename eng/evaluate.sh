#!/usr/bin/env bash
# Runs eng/analyze-external.sh on every project of eng/evaluation-repos.txt with one LockLevels.Analyzers.dll,
# one project after another (never two builds at once), and prints a table of the results.
#
#   eng/evaluate.sh DLL [RESULTS_DIR] [-- analyze-external options, e.g. --runs 5 or --no-timing]
#
# e.g. eng/evaluate.sh DLL -- --no-timing, then eng/evaluate.sh DLL -- --timing-only.
# RESULTS_DIR defaults to $EXT_ROOT/results/<name of the DLL's folder> (e.g. /work/ext/results/before).
# ONLY=TEXT runs only the lines whose repository or project contains TEXT. A project that fails to build is
# reported and skipped; the others still run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ext_root="${EXT_ROOT:-/work/ext}"
[[ $# -ge 1 ]] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
dll="$1"; shift
results="$ext_root/results/$(basename "$(dirname "$dll")")"
if [[ $# -ge 1 && "$1" != "--" ]]; then results="$1"; shift; fi
[[ "${1:-}" == "--" ]] && shift
mkdir -p "$results"

while read -r repo commit project framework extra; do
  [[ -z "$repo" || "$repo" == \#* ]] && continue
  [[ -n "${ONLY:-}" && "$repo $project" != *"$ONLY"* ]] && continue
  name="${repo#*/}"
  out="$results/$name-$(basename "$project" .csproj)"
  props=()
  for p in $extra; do if [[ "$p" == --* ]]; then props+=("$p"); else props+=(--prop "$p"); fi; done
  echo "######## $repo@$commit $project"
  rm -f "$out/FAILED"
  if "$root/eng/analyze-external.sh" --repo "$repo" --commit "$commit" --project "$project" --framework "$framework" \
       --analyzer "$dll" --out "$out" ${props[@]+"${props[@]}"} "$@" < /dev/null; then
    sed -i '/^repo=/d' "$out/summary.txt"; echo "repo=$repo@$commit" >> "$out/summary.txt"
  else
    echo "FAILED: $repo $project" | tee "$out/FAILED"
  fi
done < "$root/eng/evaluation-repos.txt"

# The table of docs/evaluation.md, from each summary.txt.
echo
"$root/eng/evaluation-table.sh" "$results"
