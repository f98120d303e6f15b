#!/usr/bin/env bash
# Import readers benchmark: ./bench/import.sh [--before REF]
# Reads the worst files the API's body limit lets in, each in its own process, and writes bench/results/import-readers.md.
# With --before REF (default main) the same files go to the readers as they were at REF, built in a temporary copy,
# and the table goes to bench/results/import-readers-before.md.
set -euo pipefail
source "$(dirname "$0")/../scripts/provision.sh"
cd "$BT_ROOT"
if [[ "${1:-}" == "--before" ]]; then
  ref="${2:-main}"
  copy="$(mktemp -d)"
  trap 'rm -rf "$copy"' EXIT
  git archive "$ref" global.json Directory.Build.props Directory.Packages.props src/BasicTrust.Highlights | tar -x -C "$copy"
  mkdir -p "$copy/bench/results"
  tar -c --exclude bin --exclude obj bench/BasicTrust.Import.Bench | tar -x -C "$copy"
  dotnet run -c Release --project "$copy/bench/BasicTrust.Import.Bench" -- --title "before ($ref at $(git rev-parse --short "$ref"))"
  cp "$copy/bench/results/import-readers-before.md" bench/results/
else
  dotnet run -c Release --project bench/BasicTrust.Import.Bench
fi
