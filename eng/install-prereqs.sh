#!/usr/bin/env bash
# Installs the system-level tools the tests and `locklevels graph` need, only when they are missing:
#   graphviz   `dot`, which renders `locklevels graph -o FILE.svg|.png`
# Debian/Ubuntu (apt-get); elsewhere it says what to install and fails.
set -euo pipefail

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
