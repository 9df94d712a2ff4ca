#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports: stack start-up (hyperfine over ./wisim up -d), the
# metadata server's token endpoint served from its cache and with the whole relay on every call
# (uncached.lua asks for a new scope set each time), and a storage download with a resolved token.
# Needs: hyperfine, wrk (Debian: apt-get install hyperfine wrk). Uses the default ports.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
DURATION="${DURATION:-20s}"

./wisim down >/dev/null
echo "== start-up: ./wisim up -d, $RUNS runs (build already done) =="
hyperfine --runs "$RUNS" --prepare './wisim down >/dev/null' './wisim up -d >/dev/null'
./wisim down >/dev/null

./wisim up -d | sed -n '/SERVICE/,/resource-server/p'
set -a; . .wisim/stack.env; set +a
TOKEN_URL="http://$GCE_METADATA_HOST/computeMetadata/v1/instance/service-accounts/default/token"
TOKEN=$(curl -s -H 'Metadata-Flavor: Google' "$TOKEN_URL" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

echo "== warm-up =="
wrk -t1 -c1 -d5s -H 'Metadata-Flavor: Google' "$TOKEN_URL" >/dev/null
wrk -t1 -c1 -d5s -H "Authorization: Bearer $TOKEN" "$WISIM_STORAGE_URL/download/storage/v1/b/demo-bucket/o/hello.txt?alt=media" >/dev/null

echo "== cached token, 1 connection =="
wrk -t1 -c1 -d"$DURATION" --latency -H 'Metadata-Flavor: Google' "$TOKEN_URL"
echo "== cached token, 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -H 'Metadata-Flavor: Google' "$TOKEN_URL"
echo "== full relay (metadata → apiserver → STS → IAM) on every request, 1 connection =="
wrk -t1 -c1 -d"$DURATION" --latency -s bench/uncached.lua "http://$GCE_METADATA_HOST"
echo "== full relay on every request, 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -s bench/uncached.lua "http://$GCE_METADATA_HOST"
echo "== storage download with a GSA token (tokeninfo cached), 4 connections =="
wrk -t2 -c4 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" \
  "$WISIM_STORAGE_URL/download/storage/v1/b/demo-bucket/o/hello.txt?alt=media"
./wisim down >/dev/null
