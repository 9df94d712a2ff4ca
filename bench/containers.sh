#!/usr/bin/env bash
# Measures the container figures of docs/benchmarks.md: the engine set-up when all is there, the
# local base image made from nothing (with --fresh-base), the images built from nothing and again
# unchanged, and docker compose — up -d until the scenario one-shot has exited, the workload's first
# token (the whole relay), a second run (cached), down -v — over RUNS runs, as medians. Needs the
# services packaged (./mvnw -B package -DskipTests) and a free 169.254.169.0/24 and ports 6080,
# 8081-8083, 8988. Never asserted in tests; re-run to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
PROJECT=wisim-bench
compose() { if docker compose version >/dev/null 2>&1; then docker compose -p "$PROJECT" "$@"; else docker-compose -p "$PROJECT" "$@"; fi; }
now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.1f", ns / 1e9 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

t=$(now); deploy/containers/setup-engine.sh; echo "setup-engine.sh, all there: $(secs $(( $(now) - t ))) s"
if [ "${1:-}" = "--fresh-base" ]; then
  docker rmi -f wisim/base:bookworm-jre17 >/dev/null 2>&1 || true
  t=$(now); deploy/containers/base-image.sh >/dev/null; echo "base image from nothing: $(secs $(( $(now) - t ))) s"
fi
t=$(now); deploy/containers/base-image.sh >/dev/null; echo "base image, cached: $(secs $(( $(now) - t ))) s"
docker images --format '{{.Repository}}:{{.Tag}}' | grep '^wisim/' | grep -v '^wisim/base:' | xargs -r docker rmi -f >/dev/null
t=$(now); deploy/containers/build-images.sh >/dev/null; echo "images from nothing (base there): $(secs $(( $(now) - t ))) s"
t=$(now); deploy/containers/build-images.sh >/dev/null; echo "images again, unchanged: $(secs $(( $(now) - t ))) s"
docker image ls --format '{{.Repository}} {{.Size}}' | grep '^wisim/' | sed 's/^/  /'

out=$(mktemp -d); export WISIM_COMPOSE_OUT=$out/out WISIM_CAPTURES=$out/captures
up=(); first=(); cached=(); down=()
for _ in $(seq 1 "$RUNS"); do
  t=$(now); compose up -d >/dev/null 2>&1
  until [ "$(docker inspect -f '{{.State.Status}}' "$(compose ps -a -q scenario)" 2>/dev/null)" = exited ]; do sleep 0.1; done
  up+=($(( $(now) - t )))
  t=$(now); compose run --rm -T --no-deps workload >/dev/null 2>&1; first+=($(( $(now) - t )))
  t=$(now); compose run --rm -T --no-deps workload >/dev/null 2>&1; cached+=($(( $(now) - t )))
  t=$(now); compose --profile workload down -v >/dev/null 2>&1; down+=($(( $(now) - t )))
done
echo "docker compose, $RUNS runs, medians:"
echo "  up -d until the scenario one-shot has exited: $(secs "$(printf '%s\n' "${up[@]}" | median)") s"
echo "  run --rm workload, first token (the whole relay): $(secs "$(printf '%s\n' "${first[@]}" | median)") s"
echo "  run --rm workload, cached token: $(secs "$(printf '%s\n' "${cached[@]}" | median)") s"
echo "  down -v: $(secs "$(printf '%s\n' "${down[@]}" | median)") s"
rm -rf "$out"

echo "container tests in the last ./mvnw verify (seconds, from the reports):"
for report in integration-tests/target/failsafe-reports/TEST-dev.wisim.it.ComposeStackIT.xml \
              testcontainers/target/surefire-reports/TEST-dev.wisim.testcontainers.WisimStackContainerTest.xml \
              examples/testcontainers-suite/target/failsafe-reports/TEST-dev.wisim.example.ObjectReaderIT.xml; do
  [ -f "$report" ] && sed -n 's/.*<testsuite [^>]*name="\([^"]*\)"[^>]*time="\([^"]*\)".*/  \1 \2/p; s/.*<testsuite [^>]*time="\([^"]*\)"[^>]*name="\([^"]*\)".*/  \2 \1/p' "$report" | head -1
done
