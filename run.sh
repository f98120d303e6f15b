#!/usr/bin/env bash
# The main job, on a generated sample.
#
# Today this provisions the tools, builds everything, and validates and plans the sample session
# (samples/session.json against a 3-minute recording): the clips, their order and the reel length.
# Cutting, assembling and queueing the reel end to end against Azurite arrives with the pipeline
# (issue 5); this script will then run it and leave the reel in out/.
#
#   ./run.sh                                   the sample session
#   ./run.sh --manifest FILE --duration SECS   your own manifest against a recording of that length
set -euo pipefail
source "$(dirname "$0")/scripts/provision.sh"
cd "$BT_ROOT"

manifest=samples/session.json
duration=180
while [ $# -gt 0 ]; do
  case "$1" in
    --manifest) manifest=${2:?--manifest needs a file}; shift 2 ;;
    --duration) duration=${2:?--duration needs seconds}; shift 2 ;;
    *) bt_die "unknown argument '$1' (see the top of run.sh)" ;;
  esac
done

provision_tools
bt_log "building"
dotnet build BasicTrust.Functions.sln --nologo -v q -clp:ErrorsOnly
bt_log "planning $manifest against a ${duration} s recording"
dotnet run --no-build --project src/BasicTrust.Cli -- plan "$manifest" --duration "$duration"
