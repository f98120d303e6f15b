#!/usr/bin/env bash
# Runs every test against a real Azurite and real FFmpeg. Installs what is missing first.
#   ./test.sh                    all tests
#   ./test.sh --filter NAME      passes extra arguments to `dotnet test`
set -euo pipefail
source "$(dirname "$0")/scripts/provision.sh"
cd "$BT_ROOT"

provision_tools
start_azurite
bt_log "running the tests"
status=0
dotnet test BasicTrust.Functions.sln --nologo --logger "console;verbosity=normal" "$@" || status=$?
exit $status
