#!/usr/bin/env bash
# Packs LockLevels into artifacts/packages/, builds samples/Seed against that package (a
# PackageReference restored from the local folder feed, not a ProjectReference) and prints the
# build output with LockLevels' warnings.
#
#   eng/run-sample.sh           pack, build the sample, print the output
#   eng/run-sample.sh --check   same, then fail unless exactly the expected LL warnings were reported
#
# LOCKLEVELS_VERSION=x.y.z overrides the version (default: LockLevelsVersion in Directory.Build.props).
set -euo pipefail

# Exactly the LockLevels warning IDs the seed sample must report (--check fails on a missing one
# and on any other LL warning or error, so a false positive in the sample is caught too):
#   LL0002  AfsCachedFile.WritePages takes SbWriters while InvalidateLock and FolioLock are held.
expected_warnings=(LL0002)

check=false
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# The sample restores into its own packages folder (RestorePackagesPath in Seed.csproj). Drop the
# previously restored LockLevels so this build gets the package just packed, even at the same version.
rm -rf artifacts/sample-packages/locklevels

echo "==> dotnet build samples/Seed --no-incremental"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# No compiler server: a long-lived one could keep an older build of the analyzer loaded.
status=0
dotnet build samples/Seed --no-incremental -nologo -p:UseSharedCompilation=false ${version_args[@]+"${version_args[@]}"} 2>&1 | tee "$log" || status=$?
if [[ $status -ne 0 ]]; then
  echo "run-sample.sh: the sample build failed (exit $status)" >&2
  exit "$status"
fi

# MSBuild prints each diagnostic twice (as it happens and in the summary); keep one of each.
reported="$(grep -E ': (warning|error) LL[0-9]{4}: ' "$log" | sed -E 's| \[[^]]*\.csproj\]$||' | sort -u || true)"
echo
echo "==> LockLevels diagnostics reported by the sample build"
echo "${reported:-(none)}"

if $check; then
  reported_ids="$(grep -oE ': (warning|error) LL[0-9]{4}:' <<<"$reported" | sed -E 's/^: //; s/:$//' | sort -u || true)"
  expected_ids="$(printf 'warning %s\n' "${expected_warnings[@]}" | sort -u)"
  missing="$(comm -13 <(echo "$reported_ids") <(echo "$expected_ids") | grep . || true)"
  unexpected="$(comm -23 <(echo "$reported_ids") <(echo "$expected_ids") | grep . || true)"
  if [[ -n "$missing" || -n "$unexpected" ]]; then
    [[ -z "$missing" ]] || echo "run-sample.sh --check: FAILED: expected but not reported: $(echo $missing)" >&2
    [[ -z "$unexpected" ]] || echo "run-sample.sh --check: FAILED: reported but not expected: $(echo $unexpected)" >&2
    exit 1
  fi
  echo "run-sample.sh --check: OK (reported exactly: ${expected_warnings[*]})"
fi
