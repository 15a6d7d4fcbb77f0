#!/usr/bin/env bash
# Packs LockLevels into artifacts/packages/, builds samples/Netfs (the seed's deadlock modelled in C#)
# and samples/Netfs.Fixed (the same model after the fix) against that package (a PackageReference
# restored from the local folder feed, not a ProjectReference), prints LockLevels' diagnostics of each,
# then runs both: the deadlocks reproduced on real threads, and the fixed model completing. It also packs
# the command line (LockLevels.Tool, into artifacts/packages too) and prints `locklevels check --format
# lockdep` over samples/Netfs, run from source with `dotnet run --project tools/LockLevels.Cli` on the
# packed build of the sample (so the sample's own LockLevels analyzer reference is the package's, which
# the tool replaces by its own: each finding once).
#
#   eng/run-sample.sh            pack, build both samples, print their diagnostics, run them
#   eng/run-sample.sh --check    same, then fail unless samples/Netfs reports exactly the diagnostics in
#                                samples/Netfs/expected-diagnostics.txt, samples/Netfs.Fixed reports none,
#                                the unfixed model deadlocks in both scenarios and the fixed one completes
#   eng/run-sample.sh --no-run   do not run the samples
#
# LOCKLEVELS_VERSION=x.y.z overrides the version (default: LockLevelsVersion in Directory.Build.props).
set -euo pipefail

check=false
run=true
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    --no-run) run=false ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-sample.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

version_args=()
if [[ -n "${LOCKLEVELS_VERSION:-}" ]]; then
  version_args=("-p:LockLevelsVersion=$LOCKLEVELS_VERSION")
fi

echo "==> dotnet pack nuget/LockLevels.Package.csproj -c Release -o artifacts/packages"
dotnet pack nuget/LockLevels.Package.csproj -c Release -o artifacts/packages -nologo ${version_args[@]+"${version_args[@]}"}

# With -p:UseLockLevelsPackage=true the samples restore LockLevels from artifacts/packages into their
# own packages folder (artifacts/sample-packages). Drop the previously restored LockLevels so this build
# gets the package just packed, even at the same version.
rm -rf artifacts/sample-packages/locklevels

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=()

# build_sample NAME: builds samples/NAME against the package and leaves its LockLevels diagnostics in
# $tmp/NAME.diagnostics, relative to the sample directory, sorted, without the help link.
build_sample() {
  local name="$1" status=0
  echo
  echo "==> dotnet build samples/$name --no-incremental -p:UseLockLevelsPackage=true"
  # No compiler server: a long-lived one could keep an older build of the analyzer loaded.
  dotnet build "samples/$name" --no-incremental -nologo -p:UseLockLevelsPackage=true -p:UseSharedCompilation=false \
    ${version_args[@]+"${version_args[@]}"} 2>&1 | tee "$tmp/$name.log" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "run-sample.sh: the build of samples/$name failed (exit $status)" >&2
    exit "$status"
  fi
  # MSBuild prints each diagnostic twice (as it happens and in the summary); keep one of each.
  { grep -E ': (warning|error) LL[0-9]{4}: ' "$tmp/$name.log" || true; } \
    | sed -E 's| \[[^]]*\.csproj\]$||; s| \(https?://[^)]*\)$||' \
    | sed "s|^$root/samples/$name/||" \
    | LC_ALL=C sort -u > "$tmp/$name.diagnostics"
  echo
  echo "==> LockLevels diagnostics of samples/$name ($(wc -l < "$tmp/$name.diagnostics"))"
  if [[ -s "$tmp/$name.diagnostics" ]]; then cat "$tmp/$name.diagnostics"; else echo "(none)"; fi
}

build_sample Netfs
build_sample Netfs.Fixed

echo
echo "==> dotnet pack tools/LockLevels.Cli -c Release -o artifacts/packages (the locklevels tool, LockLevels.Tool)"
dotnet pack tools/LockLevels.Cli -c Release -o artifacts/packages -nologo ${version_args[@]+"${version_args[@]}"}

echo
echo "==> locklevels check samples/Netfs --format lockdep (dotnet run --project tools/LockLevels.Cli -c Release)"
status=0
dotnet run --project tools/LockLevels.Cli -c Release --no-build -- check samples/Netfs --format lockdep --quiet \
  -p:UseLockLevelsPackage=true ${version_args[@]+"${version_args[@]}"} || status=$?
# 1 is what samples/Netfs should give (it has findings); anything else is shown, not judged.
[[ $status -eq 1 ]] || echo "run-sample.sh: locklevels check exited with $status (1 expected: samples/Netfs has findings)" >&2

if $check; then
  grep -E '^[^#].*: (warning|error) LL[0-9]{4}: ' samples/Netfs/expected-diagnostics.txt | LC_ALL=C sort -u > "$tmp/expected"
  if ! diff -u "$tmp/expected" "$tmp/Netfs.diagnostics" > "$tmp/diff"; then
    echo "run-sample.sh --check: samples/Netfs does not report exactly samples/Netfs/expected-diagnostics.txt (- expected, + reported):" >&2
    cat "$tmp/diff" >&2
    failures+=("samples/Netfs diagnostics")
  fi
  if [[ -s "$tmp/Netfs.Fixed.diagnostics" ]]; then
    echo "run-sample.sh --check: samples/Netfs.Fixed must report no LockLevels diagnostics" >&2
    failures+=("samples/Netfs.Fixed diagnostics")
  fi
fi

if $run; then
  for name in Netfs Netfs.Fixed; do
    echo
    echo "==> dotnet samples/$name/bin/Debug/net10.0/$name.dll"
    status=0
    dotnet "samples/$name/bin/Debug/net10.0/$name.dll" | tee "$tmp/$name.out" || status=$?
    if [[ $status -ne 0 ]]; then
      failures+=("samples/$name run (exit $status)")
    fi
  done
  if $check; then
    [[ "$(grep -c '=> DEADLOCK' "$tmp/Netfs.out" || true)" == 2 ]] || failures+=("samples/Netfs: both scenarios should deadlock")
    [[ "$(grep -c '=> all .* tasks ended' "$tmp/Netfs.Fixed.out" || true)" == 2 ]] || failures+=("samples/Netfs.Fixed: both scenarios should complete")
  fi
fi

if [[ ${#failures[@]} -gt 0 ]]; then
  printf 'run-sample.sh: FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
if $check; then
  echo
  echo "run-sample.sh --check: OK (samples/Netfs: exactly the $(wc -l < "$tmp/expected") expected diagnostics; samples/Netfs.Fixed: none$($run && echo '; runs: both scenarios deadlock unfixed, complete fixed'))"
fi
