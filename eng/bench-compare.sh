#!/usr/bin/env bash
# Compares bench/ figures of two commits, interleaved (BASE, HEAD, BASE, HEAD, ...), for engine changes
# that must not cost more. Each commit's bench is built in a temporary worktree; the reports go to
# artifacts/bench-compare/<commit>-<run>.md. The machine is shared: read medians across runs.
#
#   eng/bench-compare.sh BASE HEAD [RUNS] [-- bench arguments]   (default: 3 runs of "10000 50000 --no-warmup")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$(git -C "$root" rev-parse --short "${1:?BASE commit}")"
head="$(git -C "$root" rev-parse --short "${2:?HEAD commit}")"
runs="${3:-3}"
shift 3 || shift $#
[[ "${1:-}" == "--" ]] && shift
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(10000 50000 --no-warmup)
out="$root/artifacts/bench-compare"
mkdir -p "$out"
for commit in "$base" "$head"; do
  dir="$out/src-$commit"
  if [[ ! -f "$dir/bench/LockLevels.Bench/bin/Release/net10.0/LockLevels.Bench.dll" ]]; then
    rm -rf "$dir"; mkdir -p "$dir"
    git -C "$root" archive "$commit" | tar -x -C "$dir"
    dotnet build -c Release "$dir/bench/LockLevels.Bench" -nologo -v:q >/dev/null
  fi
done
for run in $(seq 1 "$runs"); do
  for commit in "$base" "$head"; do
    echo "==> run $run: $commit ${args[*]}" >&2
    dotnet "$out/src-$commit/bench/LockLevels.Bench/bin/Release/net10.0/LockLevels.Bench.dll" "${args[@]}" > "$out/$commit-$run.md"
  done
done
echo "reports in $out" >&2
