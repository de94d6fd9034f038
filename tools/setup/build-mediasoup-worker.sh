#!/usr/bin/env bash
# Builds mediasoup's C++ worker offline, against Debian's libraries, and caches it outside
# node_modules. See docs/adr/0006-mediasoup-worker-built-offline.md and tools/setup/mediasoup/.
#
#   tools/setup/build-mediasoup-worker.sh           # build once, then reuse the cached binary
#   tools/setup/build-mediasoup-worker.sh --force   # rebuild even if cached
#   export MEDIASOUP_WORKER_BIN="$(tools/setup/build-mediasoup-worker.sh)"
#
# The last line on stdout is the worker's path; everything else goes to stderr.
# Needs: `npm install` done (node_modules/mediasoup, installed without its postinstall), Debian
# (or root/sudo to install the build dependencies), a Python package index with meson 1.12.1 and
# ninja 1.13.2 (the machine's local index when pip is configured with one, else PyPI).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
recipe="$root/tools/setup/mediasoup"
pkg="$root/node_modules/mediasoup"
force=false
[[ "${1:-}" == "--force" ]] && force=true

# shellcheck source=debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
log() { printf '[mediasoup-worker] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ -f "$pkg/package.json" && -d "$pkg/worker" ]] || die "node_modules/mediasoup is missing: run npm install first"
version="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$pkg/package.json")"

cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/maillage"
dest="$cache_dir/mediasoup-worker-$version"
meson_args="${MESON_ARGS:--Dms_disable_liburing=true}"

# What the binary is built from, besides mediasoup's version: the recipe files and meson args.
recipe_hash="$(
  cd "$recipe"
  { find subprojects -type f; ls ./*.patch; } | LC_ALL=C sort | xargs sha256sum
  echo "$meson_args"
)"
recipe_hash="$(sha256sum <<<"$recipe_hash" | cut -d' ' -f1)"

mkdir -p "$cache_dir"
# One build at a time per version (two sessions or CI jobs sharing a cache).
exec 9>"$cache_dir/.mediasoup-worker-$version.lock"
flock 9

cached_ok() {
  [[ -x "$dest" && -f "$dest.recipe" && "$(cat "$dest.recipe")" == "$recipe_hash" ]] || return 1
  ! ldd "$dest" | grep -q 'not found'
}

if ! $force && cached_ok; then
  log "using the cached worker for mediasoup $version"
  echo "$dest"
  exit 0
fi

# 1. Debian build dependencies (apt-get update only when something is missing).
deps=(g++ make python3 python3-pip pkg-config libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev
  libabsl-dev libflatbuffers-dev flatbuffers-compiler)
ensure_debian_packages "${deps[@]}"

# 2. A copy of mediasoup's worker with pass-through subprojects and our patches; never edit
#    node_modules in place.
work="$cache_dir/mediasoup-build-$version"
rm -rf "$work"
mkdir -p "$work"
cp -a "$pkg/worker" "$work/worker"
rm -rf "$work/worker/out"
rm -f "$work/worker/subprojects/"*.wrap
cp -a "$recipe/subprojects/." "$work/worker/subprojects/"
for p in "$recipe"/*.patch; do
  log "applying $(basename "$p")"
  patch -p1 --forward --batch --quiet -d "$work/worker" <"$p" >&2
done

# 3. mediasoup's own build entry point (worker/tasks.py through invoke), with the meson and ninja
#    versions the package index has, liburing off (Debian's 2.3 is too old for 3.19).
if [[ -z "${PIP_INDEX_URL:-}" ]]; then
  # Prefer the machine's local index (file://…) if pip is configured with one: no PyPI retries.
  PIP_INDEX_URL="$(python3 -m pip config list 2>/dev/null | sed -nE "s/^[^=]*index-url='([^ ']*).*/\1/p" | grep '^file://' | head -1 || true)"
fi
[[ -n "$PIP_INDEX_URL" ]] && log "Python package index: $PIP_INDEX_URL"

started=$SECONDS
(
  cd "$work"
  unset MEDIASOUP_WORKER_BIN MEDIASOUP_OUT_DIR MEDIASOUP_INSTALL_DIR BUILD_DIR MESON NINJA
  export MEDIASOUP_BUILDTYPE=Release MEDIASOUP_SKIP_WORKER_PREBUILT_DOWNLOAD=1 \
    MESON_VERSION=1.12.1 NINJA_VERSION=1.13.2 MESON_ARGS="$meson_args" \
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PIP_NO_INPUT=1 \
    PYTHONPATH="$work/worker/out/pip_invoke"
  [[ -n "$PIP_INDEX_URL" ]] && export PIP_INDEX_URL
  python3 -m pip install --quiet --no-user --target "$work/worker/out/pip_invoke" invoke
  nice -n 10 python3 -m invoke -r worker mediasoup-worker
) >&2

built="$work/worker/out/Release/mediasoup-worker"
[[ -x "$built" ]] || die "the build did not produce $built"
if ldd "$built" | grep 'not found' >&2; then die "the worker misses shared libraries"; fi

cp "$built" "$dest.tmp.$$"
mv -f "$dest.tmp.$$" "$dest"
echo "$recipe_hash" >"$dest.recipe"
rm -rf "$work"
log "built mediasoup $version's worker in $((SECONDS - started)) s"
echo "$dest"
