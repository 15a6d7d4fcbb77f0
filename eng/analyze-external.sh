#!/usr/bin/env bash
# Builds one project of someone else's C# source checkout with a LockLevels.Analyzers.dll injected from
# outside (eng/inject-locklevels.targets through CustomAfterMicrosoftCommonTargets: the checkout is not
# edited), collects LockLevels' diagnostics and its analyzer time, and times the compile with and
# without LockLevels.
#
#   eng/analyze-external.sh --src DIR --project REL.csproj --framework TFM --analyzer DLL [options]
#   eng/analyze-external.sh --repo OWNER/NAME --commit SHA --project ... (extracts the fetched mirror
#                           /work/.mirror/OWNER+NAME/repo at SHA into $EXT_ROOT/NAME, default /work/ext)
#
# Options:
#   --out DIR        where results go (default: $EXT_ROOT/results/NAME-PROJECT)
#   --runs N         timed builds with and without LockLevels, interleaved A B A B ... (default 3 each)
#   --prop K=V       an extra MSBuild property for every build (repeatable), e.g. EnablePackageValidation=false
#   --keep-frameworks  build with -f TFM and restore every framework of the project, instead of
#                    overriding TargetFrameworks (which, as a global property, also reaches the referenced
#                    projects: use this when one targets another framework, e.g. a source generator)
#   --no-global-json move the checkout's global.json aside (it pins an SDK this machine lacks)
#   --no-timing      only the analysis build
#   --timing-only    only the timed builds (after an earlier run into the same OUT: its summary is kept,
#                    its timing lines replaced)
#
# Every build: restore first, then `dotnet build --no-restore --no-incremental` of TFM alone
# (-p:TargetFrameworks=TFM, so other frameworks need not restore; or -f TFM with --keep-frameworks), TreatWarningsAsErrors=false,
# RunAnalyzers=true. The analysis build adds ReportAnalyzer=true -v:d and a SARIF 2.1 log; the timed builds
# are -v:q with -clp:PerformanceSummary (the Csc task's time), wall time and CPU time (user + sys of the
# build and its compiler process: less disturbed than wall time on a shared machine). Referenced projects are built
# once by a warm-up build; the measured builds pass BuildProjectReferences=false, so they compile the
# project alone.
#
# Writes to OUT: summary.txt (key=value), diagnostics.txt (one LockLevels diagnostic a line:
# rule path:line:col message), analyzer-table.txt (LockLevels' rows of the ReportAnalyzer table),
# timing.txt (raw timed runs), ll.sarif, and the logs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ext_root="${EXT_ROOT:-/work/ext}"
src="" repo="" commit="" project="" framework="" analyzer="" out="" runs=3 timing=true analysis=true keep_frameworks=false no_global_json=false
props=()

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --src) src="$2"; shift 2 ;;
    --repo) repo="$2"; shift 2 ;;
    --commit) commit="$2"; shift 2 ;;
    --project) project="$2"; shift 2 ;;
    --framework) framework="$2"; shift 2 ;;
    --analyzer) analyzer="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --prop) props+=("-p:$2"); shift 2 ;;
    --no-timing) timing=false; shift ;;
    --timing-only) analysis=false; shift ;;
    --keep-frameworks) keep_frameworks=true; shift ;;
    --no-global-json) no_global_json=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "analyze-external.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$project" && -n "$framework" && -n "$analyzer" ]] || { usage >&2; exit 2; }
[[ -n "$src" || -n "$repo" ]] || { echo "analyze-external.sh: give --src or --repo" >&2; exit 2; }
[[ -f "$analyzer" ]] || { echo "analyze-external.sh: no analyzer at $analyzer" >&2; exit 2; }
analyzer="$(cd "$(dirname "$analyzer")" && pwd)/$(basename "$analyzer")"

# Extracts the mirror at COMMIT. Some mirrors lack a few large blobs (prebuilt tools, binaries): when an
# archive of a tree fails, its entries are extracted one by one, descending into the failing subtrees,
# and the files that cannot be read are skipped (and named).
extract_tree() {
  local git_dir="$1" rev="$2" dest="$3" prefix="$4"
  if git --git-dir="$git_dir" archive "$rev" -- ${prefix:+"$prefix"} 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then return; fi
  local mode type object path
  while IFS=$' \t' read -r mode type object path; do
    if [[ "$type" == tree ]]; then
      extract_tree "$git_dir" "$rev" "$dest" "$path"
    elif ! git --git-dir="$git_dir" archive "$rev" -- "$path" 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then
      echo "  (skipped unreadable $path)"
    fi
  done < <(git --git-dir="$git_dir" ls-tree "$rev" ${prefix:+"$prefix/"})
}
extract() { mkdir -p "$3"; extract_tree "$1" "$2" "$3" ""; }

if [[ -z "$src" ]]; then
  name="${repo#*/}"
  src="$ext_root/$name"
  if [[ ! -d "$src" ]]; then
    git_dir="/work/.mirror/${repo/\//+}/repo"
    [[ -d "$git_dir" ]] || { echo "analyze-external.sh: no mirror at $git_dir (fetch github:$repo first)" >&2; exit 2; }
    echo "==> extracting $repo@$commit into $src"
    extract "$git_dir" "$commit" "$src"
  fi
fi
src="$(cd "$src" && pwd)"
if $no_global_json && [[ -f "$src/global.json" ]]; then mv "$src/global.json" "$src/global.json.aside"; fi
proj="$src/$project"
[[ -f "$proj" ]] || { echo "analyze-external.sh: no project at $proj" >&2; exit 2; }
out="${out:-$ext_root/results/$(basename "$src")-$(basename "$project" .csproj)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

common=(-nologo -p:TreatWarningsAsErrors=false -p:RunAnalyzers=true ${props[@]+"${props[@]}"})
if $keep_frameworks; then build_tfm=(-f "$framework"); else common+=("-p:TargetFrameworks=$framework"); build_tfm=(); fi
inject=("-p:CustomAfterMicrosoftCommonTargets=$root/eng/inject-locklevels.targets"
        "-p:LockLevelsAnalyzerDll=$analyzer" "-p:LockLevelsTargetProject=$proj")

lines=$(find "$(dirname "$proj")" \( -name obj -o -name bin \) -prune -o -name '*.cs' -print0 \
        | xargs -0 cat | wc -l)

echo "==> restore $project ($framework)"
dotnet restore "$proj" --ignore-failed-sources "${common[@]}" > "$out/restore.log" 2>&1 || { tail -20 "$out/restore.log"; exit 1; }
echo "==> warm-up build (builds referenced projects)"
dotnet build "$proj" --no-restore "${build_tfm[@]+"${build_tfm[@]}"}" "${common[@]}" > "$out/warmup.log" 2>&1 || { grep -E 'error' "$out/warmup.log" | head -20; exit 1; }

if $analysis; then
  echo "==> analysis build (ReportAnalyzer, SARIF)"
  rm -f "$out/ll.sarif"
  dotnet build "$proj" --no-restore --no-incremental -p:BuildProjectReferences=false "${build_tfm[@]+"${build_tfm[@]}"}" "${common[@]}" "${inject[@]}" \
    "-p:LockLevelsErrorLog=$out/ll.sarif" -p:ReportAnalyzer=true -v:d > "$out/analysis.log" 2>&1 \
    || { grep -E ': error' "$out/analysis.log" | head -20; exit 1; }

  # LockLevels' results from the SARIF log, paths relative to the checkout, sorted for stable diffs.
  jq -r --arg src "$src/" '.runs[].results[] | select(.ruleId | startswith("LL"))
    | (.locations[0].physicalLocation // {}) as $p
    | "\(.ruleId) \(($p.artifactLocation.uri // "?") | sub("^file://"; "") | sub("^" + $src; "")):\($p.region.startLine // 0):\($p.region.startColumn // 0) \(.message.text)"' \
    "$out/ll.sarif" | sort > "$out/diagnostics.txt"

  total_analyzers=$(grep -m1 -oE 'Total analyzer execution time: [0-9.]+' "$out/analysis.log" | grep -oE '[0-9.]+$' || echo "?")
  grep -E '^\s+[<0-9.]+\s+[<0-9]+\s+LockLevels\.Analyzers' "$out/analysis.log" | sed 's/^ *//' > "$out/analyzer-table.txt" || true
  ll_time=$(grep -m1 -E 'LockLevels\.Analyzers, Version' "$out/analyzer-table.txt" | awk '{print $1}' || true)
  ll0100_time=$(grep -m1 -E '\(LL0100\)' "$out/analyzer-table.txt" | awk '{print $1}' || true)

  {
    echo "project=$project"
    echo "framework=$framework"
    echo "analyzer=$analyzer"
    echo "analyzer_sha256=$(sha256sum "$analyzer" | cut -d' ' -f1)"
    echo "lines=$lines"
    echo "diagnostics=$(wc -l < "$out/diagnostics.txt")"
    echo "by_rule=$(awk '{print $1}' "$out/diagnostics.txt" | sort | uniq -c | awk '{printf "%s%s:%s", sep, $2, $1; sep=" "}')"
    echo "analyzers_total_s=$total_analyzers"
    echo "locklevels_s=${ll_time:-?}"
    echo "ll0100_s=${ll0100_time:-?}"
  } > "$out/summary.txt"
fi

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "?"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

if $timing; then
  : > "$out/timing.txt"
  [[ -f "$out/summary.txt" ]] && sed -i -E '/^(with|without)_/d' "$out/summary.txt"
  # One timed build: wall seconds and the Csc task's milliseconds from the performance summary.
  timed_build() {
    local label="$1"; shift
    local csc wall cpu
    /usr/bin/time -f '%e %U %S' -o "$out/time.txt" \
      dotnet build "$proj" --no-restore --no-incremental -p:BuildProjectReferences=false "${build_tfm[@]+"${build_tfm[@]}"}" "${common[@]}" "$@" \
      -v:q -clp:PerformanceSummary > "$out/timed.log" 2>&1 || { tail -20 "$out/timed.log"; exit 1; }
    wall=$(awk '{print $1}' "$out/time.txt")
    cpu=$(awk '{printf "%.2f", $2 + $3}' "$out/time.txt")
    csc=$(grep -E '^\s+[0-9]+ ms  Csc ' "$out/timed.log" | awk '{print $1}' | head -1)
    printf '%s wall_s=%s cpu_s=%s csc_ms=%s\n' "$label" "$wall" "$cpu" "${csc:-?}" | tee -a "$out/timing.txt"
  }
  echo "==> timed builds, interleaved, $runs each"
  for ((i = 1; i <= runs; i++)); do
    timed_build with "${inject[@]}"
    timed_build without
  done
  for label in with without; do
    for field in wall_s cpu_s csc_ms; do
      values=$(grep "^$label " "$out/timing.txt" | sed -E "s/.* $field=([0-9.?]+).*/\\1/")
      echo "${label}_${field}_median=$(echo "$values" | median)"
      echo "${label}_${field}_raw=$(echo "$values" | paste -sd, -)"
    done >> "$out/summary.txt"
  done
fi

echo "==> $out"
cat "$out/summary.txt"
