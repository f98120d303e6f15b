#!/usr/bin/env bash
# The main job end to end: a recording and its tags in, a highlight reel out.
#
# Provisions FFmpeg and Azurite (the same script as ./test.sh), builds, publishes the function app,
# starts Azurite and the DevHost (which starts the handler), uploads the recording and its manifest,
# follows the session (planned -> cutting n/m -> assembling -> ready), downloads the results and prints
# a table per clip. Everything it started is stopped on exit.
#
#   ./run.sh                                               a generated 3-minute 720p sample with samples/session.json
#   ./run.sh --recording FILE --manifest FILE [--out DIR]   your own recording and manifest (its "recording"
#                                                          names the uploaded file); results in DIR (default out/)
set -euo pipefail
source "$(dirname "$0")/scripts/provision.sh"
cd "$BT_ROOT"

recording= manifest=samples/session.json out=out
while [ $# -gt 0 ]; do
  case "$1" in
    --recording) recording=${2:?--recording needs a file}; shift 2 ;;
    --manifest) manifest=${2:?--manifest needs a file}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    *) bt_die "unknown argument '$1' (see the top of run.sh)" ;;
  esac
done
[ -n "$recording" ] || [ "$manifest" = samples/session.json ] || bt_die "--manifest needs --recording too"

started=$SECONDS
provision_tools
bt_log "building and publishing the function app"
dotnet build BasicTrust.Functions.sln -c Release --nologo -v q -clp:ErrorsOnly
dotnet publish src/BasicTrust.Functions -c Release --no-build --nologo -v q -o .build/app

if [ -z "$recording" ]; then
  # About 3 minutes of 720p with a visible running timestamp and a tone with a beep every second; cached.
  recording=.build/sample/recording.mp4
  if [ ! -s "$recording" ]; then
    bt_log "generating the sample recording (3 min, 720p)"
    mkdir -p .build/sample
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "testsrc=size=1280x720:rate=25:duration=180" \
      -f lavfi -i "sine=frequency=440:beep_factor=4:sample_rate=48000:duration=180" \
      -c:v libx264 -preset ultrafast -crf 28 -g 50 -pix_fmt yuv420p -c:a aac -b:a 96k -ac 2 \
      -movflags +faststart .build/sample/.recording.partial.mp4
    mv .build/sample/.recording.partial.mp4 "$recording"
  fi
fi

mkdir -p "$out"
start_azurite
start_devhost .build/app "$out/devhost.log"
bt_log "running the session: $manifest on $recording"
dotnet src/BasicTrust.Cli/bin/Release/net10.0/bt.dll local-run --recording "$recording" --manifest "$manifest" --out "$out" || {
  status=$?
  bt_log "the DevHost log is $out/devhost.log"
  exit $status
}
bt_log "done in $((SECONDS - started)) s; results in $out/"
