#!/usr/bin/env bash
# Runs every test: installs what the tests need beyond the .NET SDK when it is missing
# (eng/install-prereqs.sh: Graphviz for `locklevels graph`, the SARIF multitool that validates
# `locklevels check --format sarif`), then `dotnet test Analyzers.sln`. Extra arguments go to dotnet test
# (eng/test.sh --filter FullyQualifiedName~LockLevels.Cli.Tests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash eng/install-prereqs.sh
echo "==> dotnet test Analyzers.sln $*"
dotnet test Analyzers.sln "$@"
