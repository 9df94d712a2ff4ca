#!/usr/bin/env bash
# Makes wisim's base image without a registry: a debootstrap minbase of Debian bookworm with Debian's
# Java 17 runtime, curl and tcpdump, imported with `docker import`. Every wisim image is built FROM it
# where nothing can be pulled (build-images.sh); with a registry the Dockerfiles' public bases serve.
#
# Cached by tag: the image is made again only when this recipe (this file) changes, which its label
# dev.wisim.base.recipe records. Prints the image's name. Needs root (debootstrap chroots).
#
#   WISIM_BASE_IMAGE_TAG   the tag to make (default wisim/base:bookworm-jre17)
#   WISIM_DEBIAN_MIRROR    where debootstrap fetches Debian (default http://deb.debian.org/debian)
set -euo pipefail

tag=${WISIM_BASE_IMAGE_TAG:-wisim/base:bookworm-jre17}
mirror=${WISIM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
packages=openjdk-17-jre-headless,ca-certificates,curl,tcpdump
recipe=$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-16)

if [ "$(docker image inspect --format '{{ index .Config.Labels "dev.wisim.base.recipe" }}' "$tag" 2>/dev/null)" = "$recipe" ]; then
  echo "$tag"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "base-image: debootstrap needs root; run as root, or build FROM a public base (WISIM_BASE_IMAGE)" >&2
  exit 1
fi

root=$(mktemp -d "${TMPDIR:-/var/tmp}/wisim-base.XXXXXX")
trap 'rm -rf "$root"' EXIT
echo "base-image: debootstrap bookworm ($packages) from $mirror" >&2
if ! debootstrap --variant=minbase --include="$packages" bookworm "$root" "$mirror" >"$root.log" 2>&1; then
  tail -n 20 "$root.log" >&2
  rm -f "$root.log"
  exit 1
fi
rm -f "$root.log"
# what a runtime image never reads: downloaded packages, package lists, documentation, translations
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
       "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/usr/share/info/*
tar --numeric-owner -C "$root" -c . | docker import \
    -c 'ENV LANG=C.UTF-8' \
    -c 'CMD ["bash"]' \
    -c "LABEL dev.wisim.base.recipe=$recipe" \
    -c 'LABEL org.opencontainers.image.description="wisim base: Debian bookworm minbase, OpenJDK 17 JRE, curl, tcpdump"' \
    - "$tag" >/dev/null
echo "$tag"
