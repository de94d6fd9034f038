#!/usr/bin/env bash
# Installs the SIP test tools from Debian when missing: SIPp (sip-tester), baresip with its ffmpeg
# module, ffmpeg. The SIP specs call it (tools/setup/sip-test-tools.mjs); nothing else needs them.
# See docs/adr/0012-drachtio-built-offline-and-supervised.md.
set -euo pipefail

# shellcheck source=debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
log() { printf '[sip-test-tools] %s\n' "$*" >&2; }

deps=(sip-tester baresip baresip-ffmpeg ffmpeg)
ensure_debian_packages "${deps[@]}"
for tool in sipp baresip ffmpeg; do command -v "$tool" >/dev/null || { log "error: $tool is missing after the install"; exit 1; }; done
