#!/usr/bin/env bash
# The full cold relay, one request at a time: before each token request the metadata server's token
# cache is cleared (DELETE /_sim/token-cache), so every request runs every hop (API server TokenRequest
# → STS exchange → IAM generateAccessToken). Prints p50/p90/p99 of curl's time_total in ms.
# WARMUP relays run first and are not counted: the services' C1 code takes some hundred relays to
# settle (the first 300 after a start run about twice as long as the next).
# Usage: WARMUP=600 bench/relay.sh [N]   (a stack must be up: ./wisim up -d)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300}"
WARMUP="${WARMUP:-0}"
set -a; . .wisim/stack.env; set +a
BASE="http://$GCE_METADATA_HOST"
TOKEN_URL="$BASE/computeMetadata/v1/instance/service-accounts/default/token"
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for i in $(seq 1 "$WARMUP"); do
  curl -s -o /dev/null -X DELETE "$BASE/_sim/token-cache"
  curl -s -o /dev/null -H 'Metadata-Flavor: Google' "$TOKEN_URL"
done
for i in $(seq 1 "$N"); do
  curl -s -o /dev/null -X DELETE "$BASE/_sim/token-cache"
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Metadata-Flavor: Google' "$TOKEN_URL" >>"$times"
done
sort -n "$times" | awk -v n="$N" -v w="$WARMUP" '{ t[NR] = $1 * 1000 }
  END { printf "full cold relay, %d requests (after %d unmeasured): p50 %.1f ms  p90 %.1f ms  p99 %.1f ms\n", n, w, t[int(n*0.5)], t[int(n*0.9)], t[int(n*0.99)] }'
