#!/usr/bin/env bash
# Builds the deployment package a Flex Consumption app runs: the published function app with its own FFmpeg.
#   scripts/package.sh [OUT]     default .build/package/basictrust-functions.zip
set -euo pipefail
source "$(dirname "$0")/provision.sh"
bt_ensure_ffmpeg
bt_ensure_zip
build_package "$@"
