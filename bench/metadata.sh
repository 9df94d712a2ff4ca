#!/usr/bin/env bash
# The metadata server's cached token against its cheapest answer, in one run (docs/benchmarks.md,
# "The metadata server's cached token"): wrk, 8 connections, ROUNDS rounds of DURATION each,
# alternating /project/project-id (static) and /instance/service-accounts/default/token (a cached
# token: the caller found in the informer-fed view, the token in the cache), after a warm-up.
# Prints each round and the medians: throughput, the token/static ratio, p50 and p99.
# Needs wrk (Debian: apt-get install wrk); starts the stack on the default ports.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-8s}"
CONNECTIONS="${CONNECTIONS:-8}"

./wisim down >/dev/null
./wisim up -d >/dev/null
trap './wisim down >/dev/null' EXIT
set -a; . .wisim/stack.env; set +a
base="http://$GCE_METADATA_HOST/computeMetadata/v1"
static="$base/project/project-id"
token="$base/instance/service-accounts/default/token"
curl -sf -H 'Metadata-Flavor: Google' "$token" >/dev/null            # the relay, once: the token is cached from here on

run() {   # URL -> "req/s p50_ms p99_ms"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Metadata-Flavor: Google' "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}
for _ in 1 2; do run "$static" >/dev/null; run "$token" >/dev/null; done   # warm-up (C1 compiles the paths)

results=$(mktemp)
echo "round  static req/s  p50 ms  p99 ms   token req/s  p50 ms  p99 ms   ratio"
for round in $(seq 1 "$ROUNDS"); do
  read -r s_rps s_p50 s_p99 < <(run "$static")
  read -r t_rps t_p50 t_p99 < <(run "$token")
  ratio=$(awk -v t="$t_rps" -v s="$s_rps" 'BEGIN { printf "%.2f", t / s }')
  printf "%5d  %12s  %6s  %6s   %11s  %6s  %6s   %5s\n" "$round" "$s_rps" "$s_p50" "$s_p99" "$t_rps" "$t_p50" "$t_p99" "$ratio"
  echo "$s_rps $s_p50 $s_p99 $t_rps $t_p50 $t_p99 $ratio" >>"$results"
done
median() { cut -d' ' -f"$1" "$results" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf "median %12s  %6s  %6s   %11s  %6s  %6s   %5s\n" "$(median 1)" "$(median 2)" "$(median 3)" "$(median 4)" "$(median 5)" \
  "$(median 6)" "$(median 7)"
rm -f "$results"
