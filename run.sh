#!/usr/bin/env bash
# The main job end to end: a recording and its tags in, a highlight reel out.
#
# Provisions FFmpeg and Azurite (the same script as ./test.sh), builds, publishes the function app,
# starts Azurite and the DevHost (which starts the handler and serves the HTTP API), then does what a
# therapist does with bt: upload the recording, push the manifest, follow the session (planned ->
# cutting n/m -> assembling -> ready), fetch the reel and its clips, and print a table per clip.
# Everything it started is stopped on exit.
#
#   ./run.sh                                               a generated 3-minute 720p sample with samples/session.json
#   ./run.sh --recording FILE --manifest FILE [--out DIR]   your own recording and manifest (its "recording"
#                                                          names the uploaded file); results in DIR (default out/)
#   ./run.sh serve                                         Azurite, smtp4dev (mail), the Aspire dashboard (traces) on http://127.0.0.1:18888/, the DevHost on http://127.0.0.1:7071/api/ and the
#                                                          web app on http://127.0.0.1:4280/ until Ctrl+C, for using
#                                                          the pages, the API and bt by hand
set -euo pipefail
source "$(dirname "$0")/scripts/provision.sh"
cd "$BT_ROOT"

serve= recording= manifest=samples/session.json out=out
while [ $# -gt 0 ]; do
  case "$1" in
    serve) serve=1; shift ;;
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
bt() { dotnet "$BT_ROOT/src/BasicTrust.Cli/bin/Release/net10.0/bt.dll" "$@"; }

mkdir -p "$out"
if [ -n "$serve" ]; then
  start_azurite
  start_smtp4dev "$out/smtp4dev.log"
  # Before the DevHost, whose worker then exports its traces and metrics to it.
  start_dashboard "$out/dashboard.log"
  export BasicTrust__Mail__Port=$BT_SMTP_PORT BasicTrust__Mail__SiteUrl="http://127.0.0.1:${BT_WEB_PORT:-4280}/"
  # The Static Web Apps CLI proxies the page's /api calls with its principal, which the DevHost then accepts.
  BT_API_PORT=${BT_API_PORT:-7071} start_devhost .build/app "$out/devhost.log" --accept-swa-cli
  start_swa web "$out/swa.log"
  bt_log "API: $BT_API_URL   (sign-in required; log: $out/devhost.log)"
  bt_log "act as a person, in another shell (each token works for 12 hours, and only with this DevHost):"
  printf '  the therapist (%s):        export BT_API_URL=%s BT_TOKEN=%s\n' "${BT_PEOPLE[0]%%=*}" "$BT_API_URL" "$BT_TOKEN_THERAPIST"
  printf '  the reviewer (%s):         export BT_API_URL=%s BT_TOKEN=%s\n' "${BT_PEOPLE[1]%%=*}" "$BT_API_URL" "$BT_TOKEN_REVIEWER"
  printf '  the privacy officer (%s):  export BT_API_URL=%s BT_TOKEN=%s\n' "${BT_PEOPLE[2]%%=*}" "$BT_API_URL" "$BT_TOKEN_PRIVACY_OFFICER"
  bt_log "then: bt cases, bt case create fam-0001, bt case share fam-0001 ${BT_PEOPLE[1]%%=*}, bt --help (or bt login --dev-token TOKEN)"
  bt_log "web app: $BT_WEB_URL   (log: $out/swa.log)"
  bt_log "traces and metrics: $BT_DASHBOARD_URL   (the Aspire dashboard; one trace per session: upload, plan, clip, reel, index)"
  bt_log "mail: every notification lands in smtp4dev's inbox at $BT_MAIL_URL (SMTP 127.0.0.1:$BT_SMTP_PORT); set an address under Meldingen / Notifications"
  # The emulator's mock login page loads its scripts from a CDN; its cookie, set by hand, works offline.
  bt_log "sign in as a person: open $BT_WEB_URL, then in the browser's developer tools (Application > Cookies) add the"
  bt_log "cookie StaticWebAppsAuthCookie for 127.0.0.1 with one of these values, and reload:"
  for person in "${BT_PEOPLE[@]}"; do
    printf '  %-18s %s\n' "${person#*=}:" "$(node "$BT_ROOT/scripts/swa-principal.mjs" "${person%%=*}" "${person#*=}")"
  done
  serve_until_stopped web "$out/swa.log"
fi

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
[ -f "$recording" ] || bt_die "no recording at $recording"
[ -f "$manifest" ] || bt_die "no manifest at $manifest"
read -r case_id session_id recording_name < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(m.caseId || "-", m.sessionId || "-", m.recording || "-")' "$manifest") || bt_die "$manifest is not JSON"
# The case's people are the manifest's (ID=ROLE[:AGEBAND] for bt privacy people), and for this demo everyone of them,
# and anyone else on the recording, gave consent to watching back and to supervision.
read -r -a case_people < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log((m.people || []).map(p => `${p.id}=${p.role}${p.ageBand ? ":" + p.ageBand : ""}`).join(" "))' "$manifest")
read -r -a consenting < <(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log([...(m.people || []).map(p => p.id), ...(m.onRecording || []).filter(id => id === "iemand-anders")].join(" "))' "$manifest")

start_azurite
start_devhost .build/app "$out/devhost.log"
session_started=$SECONDS
bt_log "as the therapist: bt case create, privacy people and consent, upload, manifest push, status --watch, fetch: $case_id/$session_id"
export BT_TOKEN=$BT_TOKEN_THERAPIST
record_consent() {
  [ ${#case_people[@]} -eq 0 ] || bt privacy people "$case_id" "${case_people[@]}" >/dev/null || return
  for person in "${consenting[@]}"; do bt privacy consent "$case_id" "$person" --for terugkijken --for supervisie >/dev/null || return; done
}
if bt case create "$case_id" && record_consent &&
   bt upload "$recording" --case "$case_id" --session "$session_id" --as "$recording_name" &&
   bt manifest push "$manifest" &&
   bt status "$case_id" "$session_id" --watch &&
   bt fetch "$case_id" "$session_id" --out "$out"; then
  bt_log "session done in $((SECONDS - session_started)) s, all in $((SECONDS - started)) s; results in $out/"
else
  status=$?
  bt_log "the session did not complete; the DevHost log is $out/devhost.log"
  exit $status
fi
