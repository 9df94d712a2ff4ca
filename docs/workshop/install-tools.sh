#!/usr/bin/env bash
# The tools the workshop uses besides curl, gcloud and kubectl: jq, tshark to read the relay off the
# wire, and Chromium, in which CI checks the relay console. From Debian's packages, as root or
# through sudo (CI runs it first).
set -euo pipefail
missing=()
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v tshark >/dev/null 2>&1 || missing+=(tshark)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
echo "workshop: installing ${missing[*]} from Debian's packages"
install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; }
if ! install >/dev/null 2>&1; then
  as_root apt-get update -q >/dev/null
  install >/dev/null
fi
