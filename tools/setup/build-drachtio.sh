#!/usr/bin/env bash
# Builds drachtio-server (the SIP transport the sip-drachtio adapter drives) offline from a source
# tarball, and caches the binary outside the checkout. See
# docs/adr/0012-drachtio-built-offline-and-supervised.md.
#
#   tools/setup/build-drachtio.sh           # build once, then reuse the cached binary
#   tools/setup/build-drachtio.sh --force   # rebuild even if cached
#   export DRACHTIO_BIN="$(tools/setup/build-drachtio.sh)"
#
# The last line on stdout is the binary's path; everything else goes to stderr.
# Source: DRACHTIO_SOURCE_TARBALL (a .tar.gz holding drachtio-server/ with its submodules in deps/),
# by default ../shared/vendor/drachtio-server-v0.9.4-src.tar.gz next to the project when present,
# else a `git clone --recurse-submodules` of the upstream tag.
# Needs: Debian (or root/sudo to install the build dependencies). About 2 min 15 s on 2 cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="v0.9.4"
upstream="https://github.com/drachtio/drachtio-server.git"
force=false
[[ "${1:-}" == "--force" ]] && force=true

# shellcheck source=debian-packages.sh
source "$(dirname "${BASH_SOURCE[0]}")/debian-packages.sh"
log() { printf '[drachtio] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

tarball="${DRACHTIO_SOURCE_TARBALL:-}"
if [[ -z "$tarball" && -f "$root/../shared/vendor/drachtio-server-$version-src.tar.gz" ]]; then
  tarball="$(cd "$root/../shared/vendor" && pwd)/drachtio-server-$version-src.tar.gz"
fi
[[ -z "$tarball" || -f "$tarball" ]] || die "DRACHTIO_SOURCE_TARBALL=$tarball does not exist"

cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/maillage"
dest="$cache_dir/drachtio-$version"
configure_args=(--enable-tcmalloc=yes "CPPFLAGS=-DNDEBUG" "CXXFLAGS=-O2")

# What the binary is built from: the version, the source and the configure arguments. The vendored
# tarball (sha256 below) is the upstream tag with its submodules, so both give the same key: a binary
# cached from one is reused when only the other is at hand (a CI checkout without ../shared, say).
vendored_sha256="b91c481eb51378c73d3a19397fb5df679b120f139c9fd43c4ad7524afc02bd48"
source_id="$upstream#$version"
if [[ -n "$tarball" ]]; then
  tarball_sha256="$(sha256sum "$tarball" | cut -d' ' -f1)"
  [[ "$tarball_sha256" == "$vendored_sha256" ]] || source_id="$tarball_sha256"
fi
recipe_hash="$(printf '%s\n' "$version" "$source_id" "${configure_args[@]}" | sha256sum | cut -d' ' -f1)"

mkdir -p "$cache_dir"
# One build at a time per version (two sessions or CI jobs sharing a cache).
exec 9>"$cache_dir/.drachtio-$version.lock"
flock 9

cached_ok() {
  [[ -x "$dest" && -f "$dest.recipe" && "$(cat "$dest.recipe")" == "$recipe_hash" ]] || return 1
  ! ldd "$dest" | grep -q 'not found'
}

if ! $force && cached_ok; then
  log "using the cached drachtio-server $version"
  echo "$dest"
  exit 0
fi

# 1. Debian build dependencies (apt-get update only when something is missing).
deps=(build-essential g++ make cmake autoconf automake libtool libtool-bin libssl-dev
  libcurl4-openssl-dev zlib1g-dev libgoogle-perftools-dev libboost-all-dev)
[[ -n "$tarball" ]] || deps+=(git)
ensure_debian_packages "${deps[@]}"

# 2. The sources, in a scratch directory of the cache.
work="$cache_dir/drachtio-build-$version"
rm -rf "$work"
mkdir -p "$work"
if [[ -n "$tarball" ]]; then
  log "unpacking $tarball"
  tar -xzf "$tarball" -C "$work"
else
  log "cloning $upstream at $version"
  git clone --quiet --depth 1 --recurse-submodules --shallow-submodules --branch "$version" "$upstream" "$work/drachtio-server" >&2
fi
src="$work/drachtio-server"
[[ -f "$src/bootstrap.sh" ]] || die "no drachtio-server/bootstrap.sh in the sources"

# 3. autoreconf, configure, make. The only git call is `git describe` in Makefile.am, hence
#    MYVERSION (without .git the version would read 1.0.0).
started=$SECONDS
(
  cd "$src"
  ./bootstrap.sh
  mkdir -p build
  cd build
  ../configure "${configure_args[@]}"
  nice -n 10 make -j"$(nproc)" MYVERSION="$version"
) >&2

built="$src/build/drachtio"
[[ -x "$built" ]] || die "the build did not produce $built"
if ldd "$built" | grep 'not found' >&2; then die "drachtio misses shared libraries"; fi

cp "$built" "$dest.tmp.$$"
strip "$dest.tmp.$$"
mv -f "$dest.tmp.$$" "$dest"
echo "$recipe_hash" >"$dest.recipe"
rm -rf "$work"
log "built drachtio-server $version in $((SECONDS - started)) s"
echo "$dest"
