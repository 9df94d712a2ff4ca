#!/usr/bin/env bash
# Builds wisim's images from the packaged services (./mvnw -B package -DskipTests first):
# wisim/{apiserver-oidc,metadata-server,sts,iam,resource-server,stack,workload}:<version>, with
# docker-compose.yml's build settings, so that `docker compose up` and the Testcontainers module find
# them. The Maven build runs it (module deploy/containers) when a Docker engine answers.
#
#   build-images.sh [--base auto|local|public|IMAGE] [--if-engine]
#
#   --base auto     (default) the local base where debootstrap can run (root), else the public bases
#   --base local    FROM the local base that base-image.sh makes (Debian minbase + JRE; no registry needed)
#   --base public   FROM Temurin's JRE and Google's cloud-sdk, pulled from Docker Hub
#   --base IMAGE    FROM IMAGE, any image with a Java 17 runtime, bash, groupadd and useradd
#   --if-engine     without a Docker engine, say so and do nothing (a build on a machine without
#                   Docker), except with CI=true, where the images must be built
#
# Prints where the build log is when it fails; quiet otherwise but for one line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=deploy/containers

base=auto
if_engine=false
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --if-engine) if_engine=true; shift ;;
    *) echo "build-images: unknown argument $1" >&2; exit 2 ;;
  esac
done

if ! docker info >/dev/null 2>&1; then
  if $if_engine && [ "${CI:-}" != "true" ]; then
    echo "build-images: no Docker engine answers, so no images are built (deploy/containers/setup-engine.sh starts one)" >&2
    exit 0
  fi
  echo "build-images: no Docker engine answers; deploy/containers/setup-engine.sh installs and starts one" >&2
  exit 1
fi
if docker compose version >/dev/null 2>&1; then compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then compose=(docker-compose)
else echo "build-images: neither docker compose nor docker-compose is installed (setup-engine.sh installs it)" >&2; exit 1
fi

if [ "$base" = auto ]; then
  if [ "$(id -u)" -eq 0 ] && command -v debootstrap >/dev/null 2>&1; then base=local; else base=public; fi
fi
case "$base" in
  local) image=$("$here/base-image.sh"); export WISIM_BASE_IMAGE=$image WISIM_WORKLOAD_BASE_IMAGE=$image ;;
  public) unset WISIM_BASE_IMAGE WISIM_WORKLOAD_BASE_IMAGE ;;
  *) export WISIM_BASE_IMAGE=$base WISIM_WORKLOAD_BASE_IMAGE=$base ;;
esac

log=$(mktemp "${TMPDIR:-/tmp}/wisim-images.XXXXXX")
start=$(date +%s%N)
if ! "${compose[@]}" -f docker-compose.yml build apiserver metadata sts iam storage scenario workload >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "build-images: the build failed; the whole log is $log" >&2
  exit 1
fi
rm -f "$log"
# the images these builds replaced, now untagged (only wisim's: they carry its label)
docker image prune -f --filter label=dev.wisim.image >/dev/null
tenths=$(( ($(date +%s%N) - start) / 100000000 ))
echo "build-images: the wisim images are built FROM ${WISIM_BASE_IMAGE:-the public bases} in $((tenths / 10)).$((tenths % 10)) s"
