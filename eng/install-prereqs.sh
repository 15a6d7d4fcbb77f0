#!/usr/bin/env bash
# Installs what the tests and `locklevels graph` need beyond the .NET SDK, each only when it is missing:
#   graphviz                       `dot` (Debian package), which renders `locklevels graph -o FILE.svg|.png`
#   @microsoft/sarif-multitool     5.7.0 from npm into artifacts/tools/sarif-multitool/, the SARIF validator
#                                  tests/LockLevels.Cli.Tests runs over `locklevels check --format sarif`
# Debian/Ubuntu (apt-get) and npm; elsewhere it says what to install and fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

sarif_version=5.7.0
sarif_dir="$root/artifacts/tools/sarif-multitool"
if [[ ! -x "$sarif_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]] || \
   ! grep -q "\"version\": \"$sarif_version\"" "$sarif_dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null; then
  command -v npm >/dev/null 2>&1 || { echo "install-prereqs.sh: npm is needed to install @microsoft/sarif-multitool" >&2; exit 1; }
  echo "==> npm install @microsoft/sarif-multitool@$sarif_version (into artifacts/tools/sarif-multitool)"
  mkdir -p "$sarif_dir"
  npm install --prefix "$sarif_dir" --no-audit --no-fund --silent "@microsoft/sarif-multitool@$sarif_version"
fi

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-prereqs.sh: please install: ${missing[*]} (no apt-get here)" >&2
  exit 1
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-prereqs.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "==> apt-get install -y ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
