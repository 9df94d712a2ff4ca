#!/usr/bin/env bash
# The cost of IAM's durable state (docs/benchmarks.md): blind setIamPolicy writes, each one committed
# to STATE_DIR/iam/state.db (SQLite, WAL, synchronous=FULL: fsynced) before IAM answers, against the
# same IAM keeping its state in memory only (no state directory). One IAM process on a spare port,
# wrk for DURATION with 1 and 4 connections. Needs a build (./mvnw -B -DskipTests package) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18082}"
DURATION="${DURATION:-10s}"
JAVA="${JAVA:-java}"
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

cat >"$work/set.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"policy":{"bindings":[{"role":"roles/viewer","members":["user:bench@example.com"]}]}}'
LUA

run() {  # run LABEL [STATE_DIR]
  if [ -n "${2:-}" ]; then export IAM_STATE_DIR="$2"; else unset IAM_STATE_DIR; fi
  QUARKUS_HTTP_PORT="$PORT" "$JAVA" -Xmx96m -jar iam/target/quarkus-app/quarkus-run.jar >"$work/iam.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do sleep 0.2; done
  base="http://127.0.0.1:$PORT"
  export TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"principal":"user:admin@example.com"}' "$base/_sim/tokens" | jq -r .access_token)
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"projectId":"bench-project"}' "$base/v1/projects"
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"accountId":"bench-gsa"}' \
    "$base/v1/projects/bench-project/serviceAccounts"
  url="$base/v1/projects/-/serviceAccounts/bench-gsa@bench-project.iam.gserviceaccount.com:setIamPolicy"
  wrk -t1 -c1 -d5s -s "$work/set.lua" "$url" >/dev/null   # warm-up
  for connections in 1 4; do
    printf '%s, %d connection(s): ' "$1" "$connections"
    wrk -t1 -c"$connections" -d"$DURATION" --latency -s "$work/set.lua" "$url" \
      | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%s writes/s, p50 %s, p99 %s\n", rps, p50, p99}'
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run "in memory (no state directory)"
run "durable (SQLite, fsync per write)" "$work/state"
