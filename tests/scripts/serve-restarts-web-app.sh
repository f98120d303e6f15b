#!/usr/bin/env bash
# ./run.sh serve keeps the web app up: a malformed sign-in cookie makes the Static Web Apps CLI exit, and
# serve_until_stopped starts it again. Run by ./test.sh; needs the tools provision_tools installs.
set -euo pipefail
source "$(dirname "$0")/../../scripts/provision.sh"
work=$(mktemp -d)
api=$(bt_free_port)
# Stands in for the DevHost: the CLI only needs something answering on the API's port.
node -e 'require("http").createServer((q, r) => r.end("{}")).listen(+process.argv[1], "127.0.0.1")' "$api" &
BT_DEVHOST_PID=$!
export BT_API_URL="http://127.0.0.1:$api/api/" BT_WEB_PORT
BT_WEB_PORT=$(bt_free_port)
start_swa "$BT_ROOT/web" "$work/swa.log"
serve_until_stopped "$BT_ROOT/web" "$work/swa.log" 2>"$work/serve.err" &
supervisor=$!
trap 'bt_kill_tree $supervisor; stop_swa; kill $BT_DEVHOST_PID; rm -rf "$work"' EXIT

status() { curl -s -o /dev/null -w '%{http_code}' "$@" "http://127.0.0.1:$BT_WEB_PORT/" || true; }
first=$BT_SWA_PID
status -H 'Cookie: StaticWebAppsAuthCookie=bm90LWpzb24=' >/dev/null # base64 of "not-json"
for _ in $(seq 1 600); do
  if ! kill -0 "$first" 2>/dev/null && grep -q 'starting it again' "$work/serve.err" && [ "$(status)" != 000 ]; then
    echo "serve-restarts-web-app: 1 passed, 0 failed"
    exit 0
  fi
  sleep 0.2
done
cat "$work/serve.err" >&2
echo "serve-restarts-web-app: 0 passed, 1 failed (the web app did not come back after the CLI exited)" >&2
exit 1
