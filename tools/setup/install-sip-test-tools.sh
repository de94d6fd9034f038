#!/usr/bin/env bash
# Installs the SIP test tools from Debian when missing: SIPp (sip-tester), baresip with its ffmpeg
# module, ffmpeg. The SIP specs call it (tools/setup/sip-test-tools.mjs); nothing else needs them.
# See docs/adr/0012-drachtio-built-offline-and-supervised.md.
set -euo pipefail

log() { printf '[sip-test-tools] %s\n' "$*" >&2; }

deps=(sip-tester baresip baresip-ffmpeg ffmpeg)
missing=()
for p in "${deps[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo)
  log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >&2
fi
for tool in sipp baresip ffmpeg; do command -v "$tool" >/dev/null || { log "error: $tool is missing after the install"; exit 1; }; done
