# Shared provisioning for ./test.sh and ./run.sh. Source it; do not run it.
#
#   provision_tools      installs FFmpeg and Chromium (Debian packages), the pinned Azurite, Static Web Apps CLI
#                        and TypeScript (npm ci into tools/azurite, tools/swa, tools/typescript) and the pinned
#                        Bicep CLI (a NuGet package, see tools/bicep) and smtp4dev (a .NET local tool, see tools/smtp4dev)
#                        when missing; a second run installs nothing.
#   check_infra          lints infra/main.bicep and infra/blobevents.bicep (any warning fails) and compiles them to
#                        .build/infra/main.json and blobevents.json, which the infrastructure tests read.
#   build_package [OUT]  publishes the function app (Release) with its own FFmpeg in ffmpeg/ (Debian's ffmpeg and
#                        ffprobe, every library they link and the loader that links them, started by two small
#                        scripts; see BundledFfmpeg) and zips it to OUT (default .build/package/basictrust-functions.zip):
#                        the package a Flex Consumption app runs (docs/deploy.md).
#   check_web            type-checks web/ (plain ES modules, types in JSDoc) with tsc --noEmit.
#   check_web_units      runs the web app's unit tests (web/js/**/*.test.js, the pure modules) with node --test.
#   start_azurite        starts Azurite on free loopback ports with its data in a temporary folder,
#                        exports BASICTRUST_STORAGE (a connection string), lets the local web app's origin
#                        (BT_WEB_PORT, default 4280) call its Blob service, and stops it on exit.
#   stop_azurite         stops it by PID (also run by the EXIT trap start_azurite sets).
#   start_devhost APP LOG [ARGS]  starts the DevHost (the local Functions host) on the function app folder APP,
#                        against that Azurite, logging to LOG; stopped by the same EXIT trap. Its HTTP API
#                        listens on BT_API_PORT (default: a free port; exported with BT_API_URL for bt) and
#                        requires sign-in, as built-in authentication does in Azure. It signs development
#                        tokens for three local people (BT_PEOPLE: object id, roles), exported as
#                        BT_TOKEN_THERAPIST, BT_TOKEN_REVIEWER and BT_TOKEN_PRIVACY_OFFICER. ARGS go to the DevHost
#                        (--accept-swa-cli when the Static Web Apps CLI proxies to it).
#   start_smtp4dev LOG   starts smtp4dev, a development mail server with a web inbox, on 127.0.0.1 (SMTP on
#                        BT_SMTP_PORT, default 2525; the inbox on BT_MAIL_PORT, default 5080), messages in memory,
#                        logging to LOG; exports BT_MAIL_URL; stopped by the same EXIT trap.
#   start_dashboard LOG  starts the Aspire dashboard (a local OTLP viewer, pinned in tools/aspire-dashboard) on
#                        127.0.0.1:BT_DASHBOARD_PORT (default 18888; OTLP/HTTP on the next port), anonymous, in
#                        memory, logging to LOG; exports BT_DASHBOARD_URL and OTEL_EXPORTER_OTLP_ENDPOINT (and the
#                        protocol) so a DevHost started after it exports the worker's traces there; stopped by the
#                        same EXIT trap.
#   serve_until_stopped WEB LOG  waits until the DevHost ends, starting the Static Web Apps CLI again when it exits.
#   start_swa WEB LOG    starts the Static Web Apps CLI serving the folder WEB on 127.0.0.1:BT_WEB_PORT and
#                        proxying /api to the DevHost (start_devhost first), logging to LOG; exports BT_WEB_URL.

BT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BT_AZURITE_DIR="$BT_ROOT/tools/azurite"
# The well-known Azurite development account: public, documented, only valid against the emulator.
BT_DEV_ACCOUNT=devstoreaccount1
BT_DEV_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

bt_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
bt_die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

bt_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else bt_die "installing FFmpeg needs root or sudo: run 'apt-get install ffmpeg' as root, then retry"
  fi
}

bt_ensure_ffmpeg() {
  if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then return; fi
  bt_log "installing FFmpeg from Debian's packages"
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null
  command -v ffmpeg >/dev/null 2>&1 || bt_die "FFmpeg did not install"
}

bt_ensure_zip() {
  command -v zip >/dev/null 2>&1 && return
  bt_log "installing zip from Debian's packages"
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zip >/dev/null
}

# npm ci into tools/DIR when its lock file changed since the last install (re-runs stay fast); extra
# arguments go to npm ci.
bt_ensure_npm_tool() {
  local dir="$BT_ROOT/tools/$1" bin=$2; shift 2
  command -v node >/dev/null 2>&1 || bt_die "Node.js is required for the tools in tools/ (node 20 or later)"
  local stamp="$dir/node_modules/.package-lock.json"
  if [ -x "$dir/node_modules/.bin/$bin" ] && [ "$stamp" -nt "$dir/package-lock.json" ]; then
    return
  fi
  bt_log "installing $bin (pinned in tools/$(basename "$dir")/package-lock.json)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@" >/dev/null) || bt_die "npm ci in tools/$(basename "$dir") failed"
  touch "$stamp"
}

bt_ensure_azurite() { bt_ensure_npm_tool azurite azurite; }
# keytar's install script downloads from GitHub (and then needs libsecret to build); swa start never loads keytar.
bt_ensure_swa() { bt_ensure_npm_tool swa swa --ignore-scripts; }
bt_ensure_typescript() { bt_ensure_npm_tool typescript tsc; }

# Debian's Chromium for the browser tests: Playwright's own browser download cannot reach its CDN from here.
BT_CHROMIUM=/usr/lib/chromium/chromium
bt_ensure_chromium() {
  [ -x "$BT_CHROMIUM" ] && return
  bt_log "installing Chromium from Debian's packages (about a minute)"
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  bt_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x "$BT_CHROMIUM" ] || bt_die "Chromium did not install"
}

bt_ensure_bicep() {
  local packages
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
  BT_BICEP="${packages%/}/azure.bicep.commandline.linux-x64/$(sed -n 's/.*Version="\[\([^]]*\)\]".*/\1/p' "$BT_ROOT/tools/bicep/bicep.csproj")/tools/bicep"
  if [ ! -x "$BT_BICEP" ]; then
    bt_log "installing the Bicep CLI (pinned in tools/bicep/bicep.csproj)"
    dotnet restore "$BT_ROOT/tools/bicep/bicep.csproj" --nologo -v q >/dev/null || bt_die "restoring the Bicep CLI failed"
    chmod +x "$BT_BICEP"
  fi
}

# smtp4dev, the development mail server, as a .NET local tool pinned in tools/smtp4dev/dotnet-tools.json.
bt_ensure_smtp4dev() {
  local version packages
  version=$(sed -n 's/.*"version": *"\([0-9][^"]*\)".*/\1/p' "$BT_ROOT/tools/smtp4dev/dotnet-tools.json" | tail -1)
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
  [ -d "${packages%/}/rnwood.smtp4dev/$version" ] && return
  bt_log "installing smtp4dev $version (pinned in tools/smtp4dev/dotnet-tools.json)"
  (cd "$BT_ROOT/tools/smtp4dev" && dotnet tool restore >/dev/null) || bt_die "restoring smtp4dev failed"
}

provision_tools() {
  bt_ensure_ffmpeg
  bt_ensure_zip
  bt_ensure_chromium
  bt_ensure_azurite
  bt_ensure_swa
  bt_ensure_typescript
  bt_ensure_bicep
  bt_ensure_smtp4dev
}

check_infra() {
  local file lint
  for file in main blobevents; do
    bt_log "bicep lint and build: infra/$file.bicep"
    lint=$("$BT_BICEP" lint "$BT_ROOT/infra/$file.bicep" 2>&1) || { printf '%s\n' "$lint" >&2; bt_die "bicep lint failed"; }
    [ -z "$lint" ] || { printf '%s\n' "$lint" >&2; bt_die "bicep lint reported warnings (they count as errors here)"; }
    "$BT_BICEP" build "$BT_ROOT/infra/$file.bicep" --outdir "$BT_ROOT/.build/infra" || bt_die "bicep build failed"
  done
}

build_package() {
  local out=${1:-$BT_ROOT/.build/package/basictrust-functions.zip}
  local app="$BT_ROOT/.build/package/app" tool loader
  bt_log "building the deployment package with FFmpeg: ${out#"$BT_ROOT"/}"
  rm -rf "$app" && mkdir -p "$(dirname "$out")"
  dotnet publish "$BT_ROOT/src/BasicTrust.Functions" -c Release -o "$app" --nologo -v q >/dev/null || bt_die "dotnet publish failed"
  mkdir -p "$app/ffmpeg/bin" "$app/ffmpeg/lib"
  cp "$(command -v ffmpeg)" "$(command -v ffprobe)" "$app/ffmpeg/bin/"
  # Every library the two link, under the names they ask for, and the loader (the line without "=>").
  ldd "$app/ffmpeg/bin/ffmpeg" "$app/ffmpeg/bin/ffprobe" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' |
    sort -u | while read -r lib; do cp -L "$lib" "$app/ffmpeg/lib/"; done
  loader=$(cd "$app/ffmpeg/lib" && ls ld-linux*) || bt_die "ldd named no loader for ffmpeg"
  for tool in ffmpeg ffprobe; do
    printf '#!/bin/sh\n# %s with the libraries it was built with, linked by their own loader: the host'"'"'s do not matter.\nhere=${0%%/*}\nexec "$here/lib/%s" --library-path "$here/lib" "$here/bin/%s" "$@"\n' \
      "$tool" "$loader" "$tool" > "$app/ffmpeg/$tool"
    chmod +x "$app/ffmpeg/$tool"
  done
  ffmpeg -version | head -1 > "$app/ffmpeg/version.txt"
  rm -f "$out" && (cd "$app" && zip -q -r -X "$out" .) || bt_die "zipping the package failed"
}

check_web() {
  bt_log "tsc --noEmit: web/ (JSDoc types)"
  "$BT_ROOT/tools/typescript/node_modules/.bin/tsc" -p "$BT_ROOT/web/jsconfig.json" || bt_die "web/ does not type-check"
}

# From web/, node --test finds the *.test.js files itself (node 20 and later alike); a failing test fails the run.
check_web_units() {
  bt_log "node --test: web/ (the pure modules' unit tests)"
  (cd "$BT_ROOT/web" && node --test) || bt_die "a web/ unit test failed"
}

bt_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

bt_wait_for_port() {
  local port=$1 deadline=$((SECONDS + 30))
  until node -e 'const c=require("net").connect(+process.argv[1],"127.0.0.1",()=>process.exit(0));c.on("error",()=>process.exit(1))' "$port"; do
    [ $SECONDS -lt $deadline ] || return 1
    kill -0 "$BT_AZURITE_PID" 2>/dev/null || return 1
    sleep 0.2
  done
}

start_azurite() {
  BT_AZURITE_DATA="$(mktemp -d "${TMPDIR:-/tmp}/bt-azurite.XXXXXX")"
  local blob_port queue_port table_port
  blob_port=$(bt_free_port); queue_port=$(bt_free_port); table_port=$(bt_free_port)
  "$BT_AZURITE_DIR/node_modules/.bin/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob_port" --queuePort "$queue_port" --tablePort "$table_port" \
    --location "$BT_AZURITE_DATA" --skipApiVersionCheck --disableTelemetry --silent \
    >"$BT_AZURITE_DATA/azurite.out" 2>&1 &
  BT_AZURITE_PID=$!
  trap bt_stop_all EXIT
  trap 'exit 130' INT TERM
  if ! bt_wait_for_port "$blob_port" || ! bt_wait_for_port "$queue_port" || ! bt_wait_for_port "$table_port"; then
    cat "$BT_AZURITE_DATA/azurite.out" >&2
    bt_die "Azurite did not start"
  fi
  export BASICTRUST_STORAGE="DefaultEndpointsProtocol=http;AccountName=$BT_DEV_ACCOUNT;AccountKey=$BT_DEV_KEY;BlobEndpoint=http://127.0.0.1:$blob_port/$BT_DEV_ACCOUNT;QueueEndpoint=http://127.0.0.1:$queue_port/$BT_DEV_ACCOUNT;TableEndpoint=http://127.0.0.1:$table_port/$BT_DEV_ACCOUNT"
  # Browsers upload recordings straight to Blob storage and read captions through links: CORS for the web app.
  node "$BT_ROOT/scripts/azurite-cors.mjs" "http://127.0.0.1:${BT_WEB_PORT:-4280}" "http://localhost:${BT_WEB_PORT:-4280}" ||
    bt_die "setting Azurite's CORS failed"
  bt_log "Azurite is up (blob :$blob_port, queue :$queue_port, table :$table_port, pid $BT_AZURITE_PID)"
}

stop_azurite() {
  if [ -n "${BT_AZURITE_PID:-}" ] && kill -0 "$BT_AZURITE_PID" 2>/dev/null; then
    kill "$BT_AZURITE_PID" 2>/dev/null
    wait "$BT_AZURITE_PID" 2>/dev/null
  fi
  BT_AZURITE_PID=
  [ -n "${BT_AZURITE_DATA:-}" ] && rm -rf "$BT_AZURITE_DATA"
  BT_AZURITE_DATA=
}

# The local people: Entra object ids made up for local runs, and their app roles.
BT_PEOPLE=(
  "11111111-1111-4111-8111-111111111111=therapist"
  "22222222-2222-4222-8222-222222222222=reviewer"
  "33333333-3333-4333-8333-333333333333=privacy-officer"
)

start_devhost() {
  local app=$1 log=$2 tokens person
  shift 2 # the rest goes to the DevHost (e.g. --accept-swa-cli)
  export BT_API_PORT=${BT_API_PORT:-$(bt_free_port)}
  export BT_API_URL="http://127.0.0.1:$BT_API_PORT/api/"
  tokens="$(dirname "$log")/.devhost-tokens"
  local users=()
  for person in "${BT_PEOPLE[@]}"; do users+=(--user "$person"); done
  AzureWebJobsStorage="$BASICTRUST_STORAGE" PipelineStorage="$BASICTRUST_STORAGE" \
  FUNCTIONS_WORKER_RUNTIME=dotnet-isolated \
    dotnet "$BT_ROOT/src/BasicTrust.DevHost/bin/Release/net10.0/BasicTrust.DevHost.dll" --app "$app" --port "$BT_API_PORT" \
      "${users[@]}" --tokens "$tokens" "$@" >"$log" 2>&1 &
  BT_DEVHOST_PID=$!
  local i
  for i in $(seq 1 300); do
    if grep -q "DevHost running" "$log" 2>/dev/null; then
      # The tokens file holds "OBJECTID ROLES TOKEN" lines, one per local person; it is removed once read.
      BT_TOKEN_THERAPIST=$(awk '$2 == "therapist" { print $3 }' "$tokens")
      BT_TOKEN_REVIEWER=$(awk '$2 == "reviewer" { print $3 }' "$tokens")
      BT_TOKEN_PRIVACY_OFFICER=$(awk '$2 == "privacy-officer" { print $3 }' "$tokens")
      rm -f "$tokens"
      [ -n "$BT_TOKEN_THERAPIST" ] && [ -n "$BT_TOKEN_REVIEWER" ] && [ -n "$BT_TOKEN_PRIVACY_OFFICER" ] ||
        bt_die "the DevHost wrote no development tokens"
      export BT_TOKEN_THERAPIST BT_TOKEN_REVIEWER BT_TOKEN_PRIVACY_OFFICER
      bt_log "DevHost is up (pid $BT_DEVHOST_PID, log $log)"
      return 0
    fi
    kill -0 "$BT_DEVHOST_PID" 2>/dev/null || break
    sleep 0.1
  done
  tail -20 "$log" >&2
  bt_die "the DevHost did not start"
}

stop_devhost() {
  if [ -n "${BT_DEVHOST_PID:-}" ] && kill -0 "$BT_DEVHOST_PID" 2>/dev/null; then
    kill -TERM "$BT_DEVHOST_PID" 2>/dev/null
    wait "$BT_DEVHOST_PID" 2>/dev/null || true
  fi
  BT_DEVHOST_PID=
}

start_swa() {
  local web=$1 log=$2
  export BT_WEB_PORT=${BT_WEB_PORT:-4280}
  export BT_WEB_URL="http://127.0.0.1:$BT_WEB_PORT/"
  # --api-devserver-url, never --api-location (which downloads Azure Functions Core Tools); no browser to open.
  "$BT_ROOT/tools/swa/node_modules/.bin/swa" start "$web" --api-devserver-url "${BT_API_URL%/api/}" \
    --host 127.0.0.1 --port "$BT_WEB_PORT" >"$log" 2>&1 &
  BT_SWA_PID=$!
  bt_wait_until_up "$BT_SWA_PID" "$log" "the Static Web Apps CLI" \
    node -e 'const c=require("net").connect(+process.argv[1],"127.0.0.1",()=>process.exit(0));c.on("error",()=>process.exit(1))' "$BT_WEB_PORT"
  bt_log "the Static Web Apps CLI is up (pid $BT_SWA_PID, log $log)"
}

start_smtp4dev() {
  local log=$1
  export BT_SMTP_PORT=${BT_SMTP_PORT:-2525} BT_MAIL_PORT=${BT_MAIL_PORT:-5080}
  export BT_MAIL_URL="http://127.0.0.1:$BT_MAIL_PORT/"
  BT_SMTP4DEV_DATA="$(mktemp -d "${TMPDIR:-/tmp}/bt-smtp4dev.XXXXXX")"
  (cd "$BT_ROOT/tools/smtp4dev" && exec dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$BT_MAIL_PORT" --smtpport="$BT_SMTP_PORT" \
    --bindaddress=127.0.0.1 --imapport=0 --pop3port=0 --db= --nousersettings --hostname=localhost \
    --baseappdatapath="$BT_SMTP4DEV_DATA") >"$log" 2>&1 &
  BT_SMTP4DEV_PID=$!
  bt_wait_until_up "$BT_SMTP4DEV_PID" "$log" "smtp4dev" \
    node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "${BT_MAIL_URL}api/messages"
  bt_log "smtp4dev is up (SMTP 127.0.0.1:$BT_SMTP_PORT, inbox $BT_MAIL_URL, pid $BT_SMTP4DEV_PID, log $log)"
}

# Waits until the command after the first three arguments succeeds (up to 300 tries, 0.2 s apart) while process $1
# runs; otherwise shows the end of its log ($2) and stops, naming what did not start ($3).
bt_wait_until_up() {
  local pid=$1 log=$2 what=$3 i
  shift 3
  for i in $(seq 1 300); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  tail -20 "$log" >&2
  bt_die "$what did not start"
}

start_dashboard() {
  local log=$1 version packages
  export BT_DASHBOARD_PORT=${BT_DASHBOARD_PORT:-18888}
  local otlp=$((BT_DASHBOARD_PORT + 2))
  version=$(sed -n 's/.*Version="\[\([^]]*\)\]".*/\1/p' "$BT_ROOT/tools/aspire-dashboard/aspire-dashboard.csproj")
  packages=$(dotnet nuget locals global-packages --list | sed 's/^[^:]*: *//')
  local dashboard="${packages%/}/aspire.dashboard.sdk.linux-x64/$version/tools/Aspire.Dashboard"
  if [ ! -x "$dashboard" ]; then
    bt_log "installing the Aspire dashboard (pinned in tools/aspire-dashboard/aspire-dashboard.csproj)"
    dotnet restore "$BT_ROOT/tools/aspire-dashboard/aspire-dashboard.csproj" --nologo -v q >/dev/null || bt_die "restoring the Aspire dashboard failed"
  fi
  ASPNETCORE_URLS="http://127.0.0.1:$BT_DASHBOARD_PORT" ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$otlp" \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$((BT_DASHBOARD_PORT + 1))" ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
    "$dashboard" >"$log" 2>&1 &
  BT_DASHBOARD_PID=$!
  export BT_DASHBOARD_URL="http://127.0.0.1:$BT_DASHBOARD_PORT/"
  bt_wait_until_up "$BT_DASHBOARD_PID" "$log" "the Aspire dashboard" \
    node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))' "$BT_DASHBOARD_URL"
  export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
  bt_log "the Aspire dashboard is up ($BT_DASHBOARD_URL, OTLP/HTTP $OTEL_EXPORTER_OTLP_ENDPOINT, pid $BT_DASHBOARD_PID, log $log)"
}

stop_dashboard() {
  if [ -n "${BT_DASHBOARD_PID:-}" ] && kill -0 "$BT_DASHBOARD_PID" 2>/dev/null; then
    kill "$BT_DASHBOARD_PID" 2>/dev/null || true
    wait "$BT_DASHBOARD_PID" 2>/dev/null || true
  fi
  BT_DASHBOARD_PID=
}

stop_smtp4dev() {
  if [ -n "${BT_SMTP4DEV_PID:-}" ] && kill -0 "$BT_SMTP4DEV_PID" 2>/dev/null; then
    # dotnet tool run starts smtp4dev as its child.
    bt_kill_tree "$BT_SMTP4DEV_PID"
    wait "$BT_SMTP4DEV_PID" 2>/dev/null || true
  fi
  BT_SMTP4DEV_PID=
  [ -n "${BT_SMTP4DEV_DATA:-}" ] && rm -rf "$BT_SMTP4DEV_DATA"
  BT_SMTP4DEV_DATA=
}

# Keeps ./run.sh serve's stack up until the DevHost ends (Ctrl+C): the Static Web Apps CLI exits on some bad
# requests (a malformed StaticWebAppsAuthCookie), so it is started again, and said so; when it keeps exiting
# (5 times within a minute) serving stops with an error instead of carrying on without the web app.
serve_until_stopped() {
  local web=$1 log=$2 restarts=()
  while sleep 1; do
    kill -0 "$BT_DEVHOST_PID" 2>/dev/null || bt_die "the DevHost stopped; see its log"
    kill -0 "$BT_SWA_PID" 2>/dev/null && continue
    restarts=("${restarts[@]}" "$SECONDS")
    [ ${#restarts[@]} -gt 5 ] && restarts=("${restarts[@]:1}")
    if [ ${#restarts[@]} -ge 5 ] && [ $((SECONDS - restarts[0])) -lt 60 ]; then
      tail -20 "$log" >&2
      bt_die "the Static Web Apps CLI keeps stopping; the web app is not served (log: $log)"
    fi
    bt_log "the Static Web Apps CLI stopped (its log: $log); starting it again"
    cp "$log" "$log.$SECONDS" 2>/dev/null || true
    stop_swa
    start_swa "$web" "$log"
  done
}

# Stops a process and everything it started, the children first (while they can still be found by their parent).
bt_kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do bt_kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}

stop_swa() {
  if [ -n "${BT_SWA_PID:-}" ] && kill -0 "$BT_SWA_PID" 2>/dev/null; then
    # swa runs its server as a child process that outlives a TERM sent to swa alone and keeps the port.
    bt_kill_tree "$BT_SWA_PID"
    wait "$BT_SWA_PID" 2>/dev/null || true
  fi
  BT_SWA_PID=
}

bt_stop_all() {
  stop_swa
  stop_smtp4dev
  stop_devhost
  stop_dashboard
  stop_azurite
}
