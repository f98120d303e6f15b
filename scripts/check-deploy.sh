#!/usr/bin/env bash
# Checks in Azure what only Azure can show, after a deploy (docs/deploy.md, "What only Azure can verify"):
#   1. the Event Grid subscriptions of the blob triggers exist and were validated by the app's webhook;
#   2. a small session (a 6-second generated recording, two tags) reaches `ready` through the deployed app, signed
#      in as you with `bt`;
#   3. its trace in Application Insights has every step: upload, plan, one clip per tag, reel, index;
#   4. no binding error (FunctionInputConverterException, a binding or converter failure) in the last hour;
#   5. nothing was dead-lettered by Event Grid for this session.
# It stops at the first check that fails, saying which and what it saw.
#
#   scripts/check-deploy.sh -g RESOURCE_GROUP --api-client-id API_CLIENT_ID [--case CASE_ID]
#
# Needs: az with the application-insights extension (signed in, with the Azure CLI allowed to get tokens for api://API_CLIENT_ID: add its client id
# 04b07795-8ddb-461a-bbee-02f9e1bf7b46 to the API's authorized client applications) and ffmpeg; builds bt.
# The check session stays in the case (default: deploy-check, which you own or create); purge it with bt purge.
set -euo pipefail

group= api= case=deploy-check
while [ $# -gt 0 ]; do
  case $1 in
    -g|--resource-group) group=$2; shift 2 ;;
    --api-client-id) api=$2; shift 2 ;;
    --case) case=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$group" ] && [ -n "$api" ] || { sed -n '2,16p' "$0" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31mFAILED:\033[0m %s\n' "$*" >&2; exit 1; }

output() { az deployment group show -g "$group" -n main --query "properties.outputs.$1.value" -o tsv; }
app=$(output functionAppName)
storage=$(output storageAccountName)
topic=$(output eventGridTopicName)
insights=$(az monitor app-insights component show -g "$group" --query "[0].appId" -o tsv)

say "1. Event Grid subscriptions on $topic"
for name in blob-plansession blob-makepreview; do
  state=$(az eventgrid system-topic event-subscription show -g "$group" --system-topic-name "$topic" -n "$name" --query provisioningState -o tsv 2>/dev/null || true)
  [ "$state" = Succeeded ] || fail "subscription $name is '${state:-missing}' (deploy infra/blobevents.bicep once the app runs: docs/deploy.md#blob-events)"
done

say "2. a small session through https://$app.azurewebsites.net"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ffmpeg -v error -f lavfi -i testsrc=size=320x240:rate=30:duration=6 -f lavfi -i sine=duration=6 -c:v libx264 -pix_fmt yuv420p -c:a aac -shortest "$work/check.mp4"
printf 'start,end,label\n1,2.5,benoemen\n3.5,5,spiegelen\n' >"$work/check.csv"
dotnet build "$root/src/BasicTrust.Cli" -c Release --nologo -v q -clp:ErrorsOnly
bt() { dotnet "$root/src/BasicTrust.Cli/bin/Release/net10.0/bt.dll" "$@"; }
export BT_API_URL="https://$app.azurewebsites.net/api"
BT_TOKEN=$(az account get-access-token --resource "api://$api" --query accessToken -o tsv)
export BT_TOKEN
session="check-$(date -u +%Y%m%d%H%M%S)"
bt case create "$case" >/dev/null 2>&1 || true
bt upload "$work/check.mp4" --case "$case" --session "$session"
bt manifest push "$work/check.csv" --case "$case" --session "$session" --recording check.mp4
timeout 600 bt status "$case" "$session" --watch | tee "$work/status.txt"
grep -q ' ready$' "$work/status.txt" || fail "the session did not reach ready (bt status $case $session)"

query() { az monitor app-insights query --app "$insights" --analytics-query "$1" --offset 2h --query "tables[0].rows" -o tsv; }
say "3. its trace in Application Insights (export lag: up to a few minutes)"
expected="clip clip index plan reel upload"
for attempt in $(seq 1 20); do
  steps=$(query "dependencies | where customDimensions['basictrust.session_id'] == '$session' | project name" | sort | tr '\n' ' ' | sed 's/ $//')
  traces=$(query "dependencies | where customDimensions['basictrust.session_id'] == '$session' | summarize dcount(operation_Id)")
  [ "$steps" = "$expected" ] && [ "$traces" = 1 ] && break
  [ "$attempt" = 20 ] && fail "the trace has '$steps' in $traces trace(s); expected '$expected' in one"
  sleep 15
done

say "4. no binding error in the last hour"
errors=$(query "exceptions | where timestamp > ago(1h) | where type has 'FunctionInputConverterException' or outerMessage has 'binding' or outerMessage has 'converter' | count")
[ "$errors" = 0 ] || fail "$errors binding errors: exceptions | where type has 'FunctionInputConverterException'"

say "5. nothing dead-lettered for this session"
letters=$(az storage blob list --auth-mode login --account-name "$storage" -c eventgrid-deadletter --query "length(@)" -o tsv 2>/dev/null || echo 0)
dead=0
if [ "$letters" != 0 ]; then
  for name in $(az storage blob list --auth-mode login --account-name "$storage" -c eventgrid-deadletter --query "[].name" -o tsv); do
    az storage blob download --auth-mode login --account-name "$storage" -c eventgrid-deadletter -n "$name" -f "$work/letter.json" >/dev/null
    grep -q "/$case/$session/" "$work/letter.json" && dead=$((dead + 1))
  done
fi
[ "$dead" = 0 ] || fail "$dead events of this session were dead-lettered (eventgrid-deadletter)"

say "all checks passed: $case/$session is ready, one trace covers it, no binding errors, nothing dead-lettered"
