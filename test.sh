#!/usr/bin/env bash
# Runs every test against a real Azurite and real FFmpeg. Installs what is missing first.
#   ./test.sh                        all tests
#   ./test.sh --filter NAME          extra arguments go to `dotnet test`
set -euo pipefail
source "$(dirname "$0")/scripts/provision.sh"
cd "$BT_ROOT"

provision_tools
check_infra
build_package
check_web
check_web_units
bt_log "script tests: tests/scripts"
for script in tests/scripts/*.sh; do "$script"; done
start_azurite
bt_log "running the tests"
log="$BT_AZURITE_DATA/test-output.log"
status=0
dotnet test BasicTrust.Functions.sln --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# The failures again at the end, where a log's tail shows them: each test's name and the first
# lines of its error message.
awk '/^ +Failed [^ ]/ { print; n = 8; next } /^ +Stack Trace:/ { n = 0 } n > 0 && NF { print; n-- }' "$log"
# One plain closing line over all test projects: "N passed, N failed".
awk '/^ +Passed: [0-9]+$/ { p += $2 } /^ +Failed: [0-9]+$/ { f += $2 } END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
