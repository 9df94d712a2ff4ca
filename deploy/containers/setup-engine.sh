#!/usr/bin/env bash
# Makes a Docker engine available on this machine, from Debian's packages and with no registry:
#   - installs docker.io, docker-compose (1.29) and debootstrap (for the local base image) when missing;
#   - starts dockerd when no engine answers, with --iptables=false so that the machine's firewall is
#     left alone (containers reach each other and published ports answer on 127.0.0.1; they reach
#     nothing outside, which the stack never needs);
#   - waits until `docker info` answers.
# Idempotent and silent when all is there; CI (.ci/run) calls it before ./mvnw -B verify.
# Needs root (or sudo) only for what it has to install or start.
#
#   WISIM_DOCKERD_LOG   where the daemon started here logs (default /var/log/wisim-dockerd.log as root,
#                       else $TMPDIR/wisim-dockerd.log)
#   WISIM_ENGINE_WAIT   seconds to wait for the engine (default 60)
set -euo pipefail

say() { echo "setup-engine: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "needs root for: $*"; exit 1
  fi
}

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
if ! command -v docker-compose >/dev/null 2>&1 && ! docker compose version >/dev/null 2>&1; then
  missing+=(docker-compose)
fi
command -v debootstrap >/dev/null 2>&1 || [ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  say "installing ${packages}from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  # with their recommended packages (cgroupfs-mount, apparmor among them): the set this was checked with
  # shellcheck disable=SC2086
  if ! as_root apt-get install -y -q $packages >/dev/null 2>&1; then
    as_root apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    as_root apt-get install -y -q $packages >/dev/null
  fi
fi

docker info >/dev/null 2>&1 && exit 0

wait_s=${WISIM_ENGINE_WAIT:-60}
if [ "$(id -u)" -eq 0 ]; then log=${WISIM_DOCKERD_LOG:-/var/log/wisim-dockerd.log}; else log=${WISIM_DOCKERD_LOG:-${TMPDIR:-/tmp}/wisim-dockerd.log}; fi
if ! pgrep -x dockerd >/dev/null 2>&1; then
  say "starting dockerd (log: $log)"
  # containerd is started by dockerd itself; setsid keeps the daemon alive after this script
  as_root setsid nohup dockerd --iptables=false >"$log" 2>&1 </dev/null &
fi
for _ in $(seq 1 "$wait_s"); do
  docker info >/dev/null 2>&1 && exit 0
  sleep 1
done
say "the Docker engine did not answer within ${wait_s} s; its log:"
tail -n 20 "$log" >&2 || true
exit 1
