#!/usr/bin/env bash
# Storage upload benchmark: ./bench/storage.sh [MEGABYTES]   (default 1024)
set -euo pipefail
source "$(dirname "$0")/../scripts/provision.sh"
cd "$BT_ROOT"
provision_tools
start_azurite
dotnet run -c Release --project bench/BasicTrust.Storage.Bench -- --size "${1:-1024}"
