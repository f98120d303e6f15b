#!/usr/bin/env bash
# Clip cutting benchmark: ./bench/media.sh [--preset superfast] [--groups main,gop,tags,length] [--modes naive,copy,precise,smart,draft]
#                    or: ./bench/media.sh --groups hdr      (HDR to SDR: clips and previews of 1080p and 4K HLG against SDR)
#                    or: ./bench/media.sh --scale-out 2
#                    or: ./bench/media.sh --rounds 3      (round 2 after moving 1 of 8 moments vs round 1, 3 times)
#                    or: ./bench/media.sh --previews 2 [--minutes 10] [--first-only]   (a 10-minute 4K HEVC recording's preview in segments by 1 and 2 DevHosts; a 2-hour one's first second)
# (our x264 preset; which groups of rows and which ways to run; defaults: superfast, the four groups above). The groups
# are described at the top of BasicTrust.Media.Bench/Program.cs.
# The first run generates its recordings into bench/.cache (20-minute 1080p30 and two 5-minute variants: about 25 minutes
# on 2 cores; the 20-minute and 2-hour 720p ones are a 2-minute one repeated by stream copy); later runs reuse them.
set -euo pipefail
source "$(dirname "$0")/../scripts/provision.sh"
cd "$BT_ROOT"
provision_tools
start_azurite
# The scale-out and rounds modes (--scale-out N: one and N DevHosts on one 16-tag session; --rounds N) run the function app's Release build.
if [[ " $* " == *" --scale-out "* || " $* " == *" --rounds "* || " $* " == *" --previews "* ]]; then dotnet build -c Release src/BasicTrust.Functions --nologo -v q; fi
dotnet run -c Release --project bench/BasicTrust.Media.Bench -- "$@"
