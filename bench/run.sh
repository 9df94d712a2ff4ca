#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports: stack start-up (hyperfine over ./wisim up -d, the
# start-up caches made first), the idle stack's RSS, the full cold relay (bench/relay.sh), the
# metadata server's token endpoint served from its cache and for a new scope set on every call
# (uncached.lua: the pod's federated token is kept, so the IAM hop runs), and a storage download.
# Needs: hyperfine, wrk (Debian: apt-get install hyperfine wrk). Uses the default ports.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
DURATION="${DURATION:-20s}"

./wisim down >/dev/null
./wisim up -d >/dev/null   # builds what is stale and makes the start-up caches, outside the timing
./wisim down >/dev/null
echo "== start-up: ./wisim up -d, $RUNS runs each (build and caches already done) =="
# the default (the newest Java 25+ with the AOT caches) against Java 17 with AppCDS, in the same run,
# so that the ratio holds when the machine's speed moves
JAVA17="${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}"
hyperfine --runs "$RUNS" --prepare './wisim down >/dev/null' \
  -n 'java 25+, AOT cache' './wisim up -d >/dev/null' \
  -n 'java 17, AppCDS' "WISIM_JAVA=$JAVA17 ./wisim up -d >/dev/null"
./wisim down >/dev/null

./wisim up -d | sed -n '/up in/,/scenario/p'
sleep 20   # IAM refills its key pool in the background; then the stack is idle
echo "== idle RSS of the five services =="
for pid in $(cut -d' ' -f2 .wisim/stack.pids 2>/dev/null || true); do ps -o rss= -p "$pid" || true; done \
  | awk '{ s += $1; printf "  %.0f MiB\n", $1 / 1024 } END { printf "  total %.0f MiB\n", s / 1024 }'
set -a; . .wisim/stack.env; set +a
echo "== full cold relay (token cache cleared before each request): the first 300 after start, then 300 after 600 more =="
bench/relay.sh 300
WARMUP=600 bench/relay.sh 300
TOKEN_URL="http://$GCE_METADATA_HOST/computeMetadata/v1/instance/service-accounts/default/token"
TOKEN=$(curl -s -H 'Metadata-Flavor: Google' "$TOKEN_URL" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

echo "== warm-up =="
wrk -t1 -c1 -d5s -H 'Metadata-Flavor: Google' "$TOKEN_URL" >/dev/null
wrk -t1 -c1 -d5s -H "Authorization: Bearer $TOKEN" "$WISIM_STORAGE_URL/download/storage/v1/b/demo-bucket/o/hello.txt?alt=media" >/dev/null

echo "== cached token, 1 connection =="
wrk -t1 -c1 -d"$DURATION" --latency -H 'Metadata-Flavor: Google' "$TOKEN_URL"
echo "== cached token, 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -H 'Metadata-Flavor: Google' "$TOKEN_URL"
echo "== a new scope set on every request (the IAM hop), 1 connection =="
wrk -t1 -c1 -d"$DURATION" --latency -s bench/uncached.lua "http://$GCE_METADATA_HOST"
echo "== a new scope set on every request, 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -s bench/uncached.lua "http://$GCE_METADATA_HOST"
echo "== storage download with a GSA token (tokeninfo cached), 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" \
  "$WISIM_STORAGE_URL/download/storage/v1/b/demo-bucket/o/hello.txt?alt=media"
./wisim down >/dev/null
