#!/usr/bin/env bash
# Clip cutting benchmark: ./bench/media.sh [--presets veryfast,superfast,ultrafast] [--modes naive,copy,precise,draft]
# (the x264 presets "precise" is measured with; which ways to run; defaults: all)
# The first run generates a 20-minute 1080p30 recording into bench/.cache (several minutes); later runs reuse it.
set -euo pipefail
source "$(dirname "$0")/../scripts/provision.sh"
cd "$BT_ROOT"
provision_tools
start_azurite
dotnet run -c Release --project bench/BasicTrust.Media.Bench -- "$@"
